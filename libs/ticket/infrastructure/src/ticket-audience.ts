import type { Sql } from '@helpdesk/shared-event-store';
import { AGENT_ROLES } from '@helpdesk/ticket-application';
import type { TicketAudienceV1 } from '@helpdesk/ticket-contracts';
import { SETTING } from './postgres-ticket-read-model.js';

/**
 * Who may read one ticket now: `ticketVisibility` (postgres-ticket-read-model.ts) turned around,
 * from "which tickets may this viewer read" to "which viewers may read this ticket". Each branch
 * below mirrors one branch of that rule, so realtime fans an event out to exactly its readers:
 *
 * - `every_agent`: teams do not restrict the ticket (the rule's `NOT restrict` and no-team arms);
 * - `named`: owner, raiser and contact, whom both the agent and the non-agent rule admit;
 * - `assignee`: `_assign`'s string entries, the agent rule's `_assign @> [user]`;
 * - `team`: members of the ticket's enabled team and of enabled teams that ignore restrictions,
 *   only needed when teams restrict the ticket;
 * - `manager`: users of contacts that manage the ticket's customer, the non-agent rule's
 *   managed-customer arm.
 *
 * A user is an agent when they are Administrator or their roles (`people_user.roles`) include an
 * agent role, as `isAgent` decides for a request; users ticket-service does not know are not
 * agents. Agents are admitted only by the agent arms, everyone else only by the non-agent arms.
 * One statement, so the answer is one snapshot of the ticket, the settings and the people.
 */
const AUDIENCE = `
  WITH t AS (
    SELECT owner, raised_by, contact, customer, agent_group, _assign,
           (NOT ${SETTING('restrict_tickets_by_agent_group')}
             OR (COALESCE(agent_group, '') = ''
                 AND ${SETTING('do_not_restrict_tickets_without_an_agent_group')})) AS every_agent
      FROM ticket.hd_ticket
     WHERE name = $1
  ),
  candidate (user_id, why) AS (
    SELECT named.user_id, 'named'
      FROM t, LATERAL (VALUES (t.owner), (t.raised_by), (t.contact)) AS named (user_id)
    UNION ALL
    SELECT a #>> '{}', 'assignee'
      FROM t, jsonb_array_elements(
                CASE WHEN jsonb_typeof(t._assign) = 'array' THEN t._assign ELSE '[]' END) AS a
     WHERE jsonb_typeof(a) = 'string'
    UNION ALL
    SELECT m.user_id, 'team'
      FROM t
      JOIN ticket.people_team team
        ON NOT team.disabled AND (team.ignore_restrictions OR team.name = t.agent_group)
      JOIN ticket.people_team_member m ON m.team = team.name
     WHERE NOT t.every_agent
    UNION ALL
    SELECT c.user_id, 'manager'
      FROM t
      JOIN ticket.people_customer_member m ON m.customer = t.customer AND m.is_manager
      JOIN ticket.people_contact c ON c.name = m.contact
  ),
  classified AS (
    SELECT c.user_id, c.why,
           (c.user_id = 'Administrator' OR COALESCE(u.roles && $2::text[], false)) AS agent
      FROM candidate c
      LEFT JOIN ticket.people_user u ON u.name = c.user_id
     WHERE COALESCE(c.user_id, '') <> ''
  )
  SELECT t.every_agent AS "everyAgent",
         ARRAY(SELECT DISTINCT user_id COLLATE "C"
                 FROM (SELECT user_id FROM classified WHERE agent AND why <> 'manager'
                       UNION ALL SELECT 'Administrator') AS a
                ORDER BY 1) AS agents,
         ARRAY(SELECT DISTINCT user_id COLLATE "C"
                 FROM classified WHERE agent AND why = 'assignee'
                ORDER BY 1) AS assignees,
         ARRAY(SELECT DISTINCT user_id COLLATE "C"
                 FROM classified
                WHERE NOT agent AND why IN ('named', 'manager')
                ORDER BY 1) AS customers
    FROM t`;

/** `TicketSubjects.ticketAudience`'s answer for `ticket`, read from ticket-service's tables. */
export async function ticketAudience(sql: Sql, ticket: number): Promise<TicketAudienceV1> {
  const { rows } = await sql.query<Omit<TicketAudienceV1, 'ticket' | 'exists'>>(AUDIENCE, [
    ticket,
    [...AGENT_ROLES],
  ]);
  const row = rows[0];
  if (!row) {
    return { ticket, exists: false, everyAgent: false, agents: [], assignees: [], customers: [] };
  }
  return { ticket, exists: true, ...row };
}
