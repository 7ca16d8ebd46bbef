import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the agent home reads per agent, newest first:
 *
 * - `assignment_log`: every assignment ever made and who made it (Frappe's ToDo rows, whether
 *   still open or since cancelled), for "assigned" in the agent's recent activity.
 *   `hd_ticket_assignment` holds only the open ones, without who made them. Filled from the log:
 *   every AgentAssigned event of a ticket that still exists.
 * - an index per activity source on (the user who acted, creation), so "my last three days" reads
 *   a short range of each instead of the whole table: replies sent, notes, field changes, first
 *   views.
 */
export class TicketAgentHome1763700008300 implements MigrationInterface {
  name = 'TicketAgentHome1763700008300';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE ticket.assignment_log (
      name text PRIMARY KEY,
      creation timestamptz NOT NULL,
      ticket bigint NOT NULL,
      allocated_to text NOT NULL,
      assigned_by text NOT NULL
    )`);
    await runner.query(
      `CREATE INDEX assignment_log_assigned_by ON ticket.assignment_log (assigned_by, creation)`,
    );
    await runner.query(`CREATE INDEX assignment_log_ticket ON ticket.assignment_log (ticket)`);
    await runner.query(`INSERT INTO ticket.assignment_log
        (name, creation, ticket, allocated_to, assigned_by)
      SELECT e.event_id::text, (e.data->>'at')::timestamptz, (e.data->>'name')::bigint,
             e.data->>'agent', e.data->>'by'
        FROM ticket.events e
       WHERE e.event_type = 'AgentAssigned'
         AND e.stream_id LIKE 'ticket-%'
         AND EXISTS (SELECT 1 FROM ticket.hd_ticket t WHERE t.name = (e.data->>'name')::bigint)`);
    await runner.query(
      `CREATE INDEX communication_sent_by ON ticket.communication (owner, creation)
        WHERE sent_or_received = 'Sent' AND reference_doctype = 'HD Ticket'`,
    );
    await runner.query(
      `CREATE INDEX hd_ticket_comment_commented_by
         ON ticket.hd_ticket_comment (commented_by, creation)`,
    );
    await runner.query(
      `CREATE INDEX hd_ticket_activity_owner ON ticket.hd_ticket_activity (owner, creation)`,
    );
    await runner.query(`CREATE INDEX view_log_viewed_by ON ticket.view_log (viewed_by, creation)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX ticket.view_log_viewed_by`);
    await runner.query(`DROP INDEX ticket.hd_ticket_activity_owner`);
    await runner.query(`DROP INDEX ticket.hd_ticket_comment_commented_by`);
    await runner.query(`DROP INDEX ticket.communication_sent_by`);
    await runner.query(`DROP TABLE ticket.assignment_log`);
  }
}
