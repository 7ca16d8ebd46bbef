import type { FieldValue } from '../ticket.context.js';
import type { TicketEventMeta } from './lifecycle.events.js';

/**
 * The metrics workers' conversation metrics of the ticket (`avg_response_time`), only those that
 * changed, as of their copy's `revision` of the ticket's conversation.
 */
export interface TicketResponseMetricsApplied {
  type: 'TicketResponseMetricsApplied';
  data: TicketEventMeta & {
    revision: number;
    fields: Readonly<Record<string, FieldValue>>;
  };
}
