import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `hd_ticket_assignment`: who is assigned to which ticket since when (Frappe's open ToDo rows,
 * for the `__assigned_on` filter), projected from AgentAssigned / AgentUnassigned. The view adds
 * the assignment's day in the session's time zone, which the reader sets to the site's.
 * Existing tickets are filled from the log: each user's latest assignment event on each ticket.
 */
export class TicketAssignments1763700001500 implements MigrationInterface {
  name = 'TicketAssignments1763700001500';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE ticket.hd_ticket_assignment (
      ticket bigint NOT NULL,
      agent text NOT NULL,
      assigned_at timestamptz NOT NULL,
      PRIMARY KEY (ticket, agent)
    )`);
    await runner.query(
      `CREATE INDEX hd_ticket_assignment_agent ON ticket.hd_ticket_assignment (agent, assigned_at)`,
    );
    await runner.query(`CREATE VIEW ticket.hd_ticket_assignment_day AS
      SELECT ticket, agent, assigned_at, assigned_at::date AS assigned_on
        FROM ticket.hd_ticket_assignment`);
    await runner.query(`INSERT INTO ticket.hd_ticket_assignment (ticket, agent, assigned_at)
      SELECT (latest.data->>'name')::bigint, latest.data->>'agent', (latest.data->>'at')::timestamptz
        FROM (SELECT DISTINCT ON (stream_id, data->>'agent') event_type, data
                FROM ticket.events
               WHERE event_type IN ('AgentAssigned', 'AgentUnassigned')
                 AND stream_id LIKE 'ticket-%'
               ORDER BY stream_id, data->>'agent', stream_version DESC) latest
       WHERE latest.event_type = 'AgentAssigned'
         AND EXISTS (SELECT 1 FROM ticket.hd_ticket t
                      WHERE t.name = (latest.data->>'name')::bigint)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP VIEW ticket.hd_ticket_assignment_day`);
    await runner.query(`DROP TABLE ticket.hd_ticket_assignment`);
  }
}
