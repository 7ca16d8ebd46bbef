import type { PeopleEventV1 } from '@helpdesk/agent-contracts';
import type { Sql } from '@helpdesk/shared-event-store';
import { applyInDocumentOrder } from '@helpdesk/shared-messaging';

/**
 * Keeps what the knowledge base needs of agent-service's people: users' names and pictures (an
 * article's author) and who is in which team (Team saved replies), in each document's order.
 */
export function applyKnowledgePeopleEvent(sql: Sql, event: PeopleEventV1): Promise<void> {
  return applyInDocumentOrder(sql, { schema: 'knowledge', table: 'people_version' }, event, () =>
    apply(sql, event),
  );
}

async function apply(sql: Sql, event: PeopleEventV1): Promise<void> {
  const { name } = event;
  switch (event.type) {
    case 'helpdesk.people.v1.user-registered':
      await sql.query(
        `INSERT INTO knowledge.people_user (name, full_name, user_image) VALUES ($1, $2, $3)
         ON CONFLICT (name) DO UPDATE SET full_name = $2, user_image = $3`,
        [name, event.data.full_name, event.data.user_image],
      );
      return;
    case 'helpdesk.people.v1.user-profile-changed': {
      // Only what changed is in the event.
      const { full_name, user_image } = event.data;
      await sql.query(
        `UPDATE knowledge.people_user
            SET full_name = CASE WHEN $2 THEN $3 ELSE full_name END,
                user_image = CASE WHEN $4 THEN $5 ELSE user_image END
          WHERE name = $1`,
        [
          name,
          full_name !== undefined,
          full_name ?? null,
          user_image !== undefined,
          user_image ?? null,
        ],
      );
      return;
    }
    case 'helpdesk.people.v1.team-created':
    case 'helpdesk.people.v1.team-members-changed':
      await sql.query(`DELETE FROM knowledge.team_member WHERE team = $1`, [name]);
      await sql.query(
        `INSERT INTO knowledge.team_member (team, member) SELECT $1, unnest($2::text[])
         ON CONFLICT DO NOTHING`,
        [name, event.data.users],
      );
      return;
    case 'helpdesk.people.v1.team-removed':
      await sql.query(`DELETE FROM knowledge.team_member WHERE team = $1`, [name]);
      return;
    default:
      return;
  }
}
