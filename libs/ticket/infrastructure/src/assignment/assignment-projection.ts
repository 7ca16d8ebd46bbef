import type { RecordedEvent, Sql } from '@helpdesk/shared-event-store';
import { ticketEventOf } from '../recorded-ticket-event.js';

/**
 * A ticket's open assignments and when each began: assigning again after an unassignment
 * starts a new one, as Frappe creates a new ToDo. Every assignment is also logged with who made
 * it, open or not (the agent home's "assigned" activity), named by its event so a replay writes
 * nothing twice.
 */
export async function projectAssignments(sql: Sql, recorded: RecordedEvent): Promise<void> {
  const event = ticketEventOf(recorded);
  switch (event.type) {
    case 'AgentAssigned':
      await sql.query(
        `INSERT INTO ticket.hd_ticket_assignment (ticket, agent, assigned_at)
         VALUES ($1, $2, $3) ON CONFLICT (ticket, agent) DO NOTHING`,
        [event.data.name, event.data.agent, event.data.at],
      );
      await sql.query(
        `INSERT INTO ticket.assignment_log (name, creation, ticket, allocated_to, assigned_by)
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (name) DO NOTHING`,
        [recorded.eventId, event.data.at, event.data.name, event.data.agent, event.data.by],
      );
      return;
    case 'AgentUnassigned':
      await sql.query(`DELETE FROM ticket.hd_ticket_assignment WHERE ticket = $1 AND agent = $2`, [
        event.data.name,
        event.data.agent,
      ]);
      return;
    case 'TicketDeleted':
      await sql.query(`DELETE FROM ticket.hd_ticket_assignment WHERE ticket = $1`, [
        event.data.name,
      ]);
      await sql.query(`DELETE FROM ticket.assignment_log WHERE ticket = $1`, [event.data.name]);
      return;
    default:
      return;
  }
}
