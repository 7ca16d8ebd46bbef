import type { TicketResponseMetricsApplied } from '../events/metrics.events.js';
import type { ApplyResponseMetrics } from '../ticket.commands.js';
import type { FieldValue } from '../ticket.context.js';
import type { TicketState } from '../ticket.state.js';
import { eventMeta } from './guards.js';

/** The HD Ticket fields the metrics workers keep; the rest of the response metrics are stamped
 * by the ticket's own saves (`first_responded_on`, `last_*_response`, `resolution_date`) or
 * reckoned by sla-service (`first_response_time`, `resolution_time`). */
export const RESPONSE_METRICS_FIELDS = ['avg_response_time'] as const;

const KEPT: ReadonlySet<string> = new Set(RESPONSE_METRICS_FIELDS);

/**
 * The metrics workers' figures, applied as one change of the fields that differ. Figures from an
 * older revision of their copy than the last applied are void (newer ones already hold), and so
 * are figures for a ticket that is gone.
 */
export function applyResponseMetrics(
  command: ApplyResponseMetrics,
  state: TicketState,
): TicketResponseMetricsApplied[] {
  const { data, context } = command;
  if (state.kind !== 'existing' || data.revision < (state.metricsRevision ?? 0)) return [];
  const fields: Record<string, FieldValue> = {};
  for (const [field, value] of Object.entries(data.fields)) {
    const current = Object.hasOwn(state.fields, field) ? (state.fields[field] ?? null) : null;
    if (KEPT.has(field) && current !== value) fields[field] = value;
  }
  if (Object.keys(fields).length === 0) return [];
  return [
    {
      type: 'TicketResponseMetricsApplied',
      data: { ...eventMeta(state, context), revision: data.revision, fields },
    },
  ];
}
