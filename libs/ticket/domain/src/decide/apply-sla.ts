import type { TicketSlaApplied } from '../events/sla.events.js';
import type { ApplySla } from '../ticket.commands.js';
import type { FieldValue } from '../ticket.context.js';
import type { ExistingTicket, TicketState } from '../ticket.state.js';
import { eventMeta } from './guards.js';

/** The HD Ticket fields sla-service keeps (frappe-api §1.1.2, SLA and response sections). */
export const SLA_FIELDS = [
  'sla',
  'service_level_agreement_creation',
  'response_by',
  'resolution_by',
  'agreement_status',
  'on_hold_since',
  'total_hold_time',
  'first_response_time',
  'first_response_failed_by',
  'resolution_time',
  'resolution_failed_by',
  'raised_outside_working_hours',
] as const;

const KEPT: ReadonlySet<string> = new Set(SLA_FIELDS);

/**
 * sla-service's reckoning, applied as one change of the fields that differ. One computed from an
 * older version of the ticket than the last applied is void (a later reckoning already holds),
 * and so is one for a ticket that is gone. The SLA's default priority fills an empty priority
 * only (`handle_new`).
 */
export function applySla(command: ApplySla, state: TicketState): TicketSlaApplied[] {
  const { data, context } = command;
  if (state.kind !== 'existing' || data.basedOn < (state.slaBasedOn ?? 0)) return [];
  const fields: Record<string, FieldValue> = {};
  for (const [field, value] of Object.entries(data.fields)) {
    if (KEPT.has(field) && !sameValue(currentValue(state, field), value)) fields[field] = value;
  }
  const priority = data.defaultPriority?.trim();
  if (priority && state.priority === null) fields.priority = priority;
  if (Object.keys(fields).length === 0) return [];
  return [
    {
      type: 'TicketSlaApplied',
      data: { ...eventMeta(state, context), basedOn: data.basedOn, fields },
    },
  ];
}

function currentValue(ticket: ExistingTicket, field: string): FieldValue {
  return Object.hasOwn(ticket.fields, field) ? (ticket.fields[field] ?? null) : null;
}

/** Instants compare as instants: `…T10:00:00Z` and `…T10:00:00.000Z` are the same deadline. */
function sameValue(current: FieldValue, next: FieldValue): boolean {
  if (current === next) return true;
  if (typeof current === 'string' && typeof next === 'string') {
    const [a, b] = [Date.parse(current), Date.parse(next)];
    return /^\d{4}-\d\d-\d\dT/.test(current) && !Number.isNaN(a) && a === b;
  }
  return false;
}
