import type { FieldValue } from '../ticket.context.js';
import type { TicketEventMeta } from './lifecycle.events.js';

/**
 * sla-service's reckoning of the ticket under its SLA, computed from the ticket as it stood at
 * stream version `basedOn`: `sla` and the SLA fields by Frappe name (`response_by`,
 * `resolution_by`, `agreement_status`, `on_hold_since`, `total_hold_time`, …), only those that
 * changed. `priority` is set when the ticket had none and the SLA's default priority applies.
 */
export interface TicketSlaApplied {
  type: 'TicketSlaApplied';
  data: TicketEventMeta & {
    basedOn: number;
    fields: Readonly<Record<string, FieldValue>>;
  };
}
