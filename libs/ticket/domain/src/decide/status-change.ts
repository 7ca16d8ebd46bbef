import type { TicketStatusChanged } from '../events/field.events.js';
import type { TicketEventMeta } from '../events/lifecycle.events.js';
import type { StatusCategory } from '../ticket.context.js';
import type { ExistingTicket } from '../ticket.state.js';

/**
 * A move to `to`, with what the save pipeline records alongside it; none when the status stays.
 * Shared by updates, agent replies (auto status) and customer replies (reopen).
 */
export function statusChange(
  ticket: ExistingTicket,
  to: string,
  toCategory: StatusCategory,
  meta: TicketEventMeta,
): TicketStatusChanged[] {
  if (to === ticket.status) return [];
  return [
    {
      type: 'TicketStatusChanged',
      data: {
        ...meta,
        from: ticket.status,
        fromCategory: ticket.statusCategory,
        to,
        toCategory,
        firstRespondedOn: firstRespondedOn(ticket, toCategory, meta.at),
        resolutionDate: resolutionDate(ticket, to, toCategory, meta.at),
      },
    },
  ];
}

/**
 * `set_first_responded_on`: when still empty, a move into a Paused status, or straight from Open
 * to Resolved, counts as the first response.
 */
function firstRespondedOn(ticket: ExistingTicket, toCategory: StatusCategory, at: string) {
  if (ticket.firstRespondedOn !== null) return ticket.firstRespondedOn;
  const responded =
    toCategory === 'Paused' || (ticket.statusCategory === 'Open' && toCategory === 'Resolved');
  return responded ? at : null;
}

/**
 * `set_resolution_date` (SLA `handle_doc_status`): leaving the Resolved category clears it;
 * entering it sets it; moving within it keeps it. Resolved → "Closed" is skipped altogether,
 * so closing a resolved ticket keeps its resolution date.
 */
function resolutionDate(
  ticket: ExistingTicket,
  to: string,
  toCategory: StatusCategory,
  at: string,
): string | null {
  if (ticket.statusCategory === 'Resolved' && to === 'Closed') return ticket.resolutionDate;
  if (toCategory !== 'Resolved') return null;
  if (ticket.resolutionDate === null || ticket.statusCategory !== 'Resolved') return at;
  return ticket.resolutionDate;
}
