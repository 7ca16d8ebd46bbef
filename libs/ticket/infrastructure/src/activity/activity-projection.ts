import type { RecordedEvent, Sql } from '@helpdesk/shared-event-store';
import { activityOf } from '@helpdesk/ticket-domain';
import { ticketEventOf } from '../recorded-ticket-event.js';

/**
 * HD Ticket Activity rows, one per event that changes a tracked field, named by the event's id so
 * a replay or a rebuild writes the same row again (and a second apply changes nothing).
 */
export async function projectActivity(sql: Sql, recorded: RecordedEvent): Promise<void> {
  const event = ticketEventOf(recorded);
  if (event.type === 'TicketDeleted') {
    // Frappe's on_trash removes the ticket's activity.
    await sql.query(`DELETE FROM ticket.hd_ticket_activity WHERE ticket = $1`, [
      String(event.data.name),
    ]);
    return;
  }
  if (event.type === 'TicketSplit') {
    // Frappe moves the activity logged since the split point along with the conversation.
    await sql.query(
      `UPDATE ticket.hd_ticket_activity SET ticket = $2 WHERE ticket = $1 AND creation >= $3`,
      [String(event.data.name), String(event.data.newTicket), event.data.since],
    );
    return;
  }
  const action = activityOf(event);
  if (action === undefined || event.type === 'TicketOpened') return;
  await sql.query(
    `INSERT INTO ticket.hd_ticket_activity (name, owner, creation, ticket, action, stream_version)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (name) DO NOTHING`,
    [
      recorded.eventId,
      event.data.by,
      event.data.at,
      String(event.data.name),
      action,
      recorded.streamVersion,
    ],
  );
}
