import type {
  AgentStatusChangedV1,
  AgentStatusCreatedV1,
  AgentStatusRemovedV1,
} from '@helpdesk/agent-contracts';
import type { Sql } from '@helpdesk/shared-event-store';

/** The copy of one HD Agent Status: what its category is, and whether it is enabled. */
export async function applyAgentStatusEvent(
  sql: Sql,
  event: AgentStatusCreatedV1 | AgentStatusChangedV1 | AgentStatusRemovedV1,
): Promise<void> {
  switch (event.type) {
    case 'helpdesk.people.v1.agent-status-created':
      await sql.query(
        `INSERT INTO assignment.agent_status (name, category, enable) VALUES ($1, $2, $3)
         ON CONFLICT (name) DO UPDATE SET category = $2, enable = $3`,
        [event.name, event.data.category, event.data.enable],
      );
      return;
    case 'helpdesk.people.v1.agent-status-changed':
      await sql.query(
        `UPDATE assignment.agent_status
            SET category = COALESCE($2, category), enable = COALESCE($3, enable)
          WHERE name = $1`,
        [event.name, event.data.category ?? null, event.data.enable ?? null],
      );
      return;
    case 'helpdesk.people.v1.agent-status-removed':
      await sql.query(`DELETE FROM assignment.agent_status WHERE name = $1`, [event.name]);
      return;
  }
}
