import type { RecordedEvent, Sql } from '@helpdesk/shared-event-store';
import { ticketEventOf } from '../recorded-ticket-event.js';

/** View Log rows: one per user's first view of a ticket, named by the event that recorded it. */
export async function projectViewLog(sql: Sql, recorded: RecordedEvent): Promise<void> {
  const event = ticketEventOf(recorded);
  switch (event.type) {
    case 'TicketSeen':
      await sql.query(
        `INSERT INTO ticket.view_log (name, creation, reference_doctype, reference_name, viewed_by)
         VALUES ($1, $2, 'HD Ticket', $3, $4)
         ON CONFLICT DO NOTHING`,
        [recorded.eventId, event.data.at, String(event.data.name), event.data.by],
      );
      return;
    case 'TicketDeleted':
      await sql.query(
        `DELETE FROM ticket.view_log WHERE reference_doctype = 'HD Ticket' AND reference_name = $1`,
        [String(event.data.name)],
      );
      return;
    default:
      return;
  }
}
