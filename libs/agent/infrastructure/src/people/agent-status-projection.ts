import type { AgentStatusEvent } from '@helpdesk/agent-domain';
import type { Sql } from '@helpdesk/shared-event-store';

/** Changeable columns of `agent.hd_agent_status`; SQL names come from this list, never events. */
const CHANGEABLE = ['category', 'color', 'status_order', 'enable'] as const;

/** Keeps `agent.hd_agent_status` in step with the statuses' events, in the append's transaction. */
export async function projectAgentStatus(
  sql: Sql,
  name: string,
  event: AgentStatusEvent,
): Promise<void> {
  const { at, by } = event.data;
  switch (event.type) {
    case 'AgentStatusCreated': {
      const { category, color, status_order, enable } = event.data;
      await sql.query(
        `INSERT INTO agent.hd_agent_status (name, agent_status, category, color, status_order,
           enable, creation, modified, modified_by, owner)
         VALUES ($1, $1, $2, $3, $4, $5, $6, $6, $7, $7)`,
        [name, category, color, status_order, enable, at, by],
      );
      return;
    }
    case 'AgentStatusChanged': {
      const { changes } = event.data;
      const columns = CHANGEABLE.filter((column) => changes[column] !== undefined);
      const sets = columns.map((column, i) => `${column} = $${i + 4}`);
      await sql.query(
        `UPDATE agent.hd_agent_status SET ${['modified = $2', 'modified_by = $3', ...sets].join(', ')}
          WHERE name = $1`,
        [name, at, by, ...columns.map((column) => changes[column])],
      );
      return;
    }
    case 'AgentStatusRemoved':
      await sql.query(`DELETE FROM agent.hd_agent_status WHERE name = $1`, [name]);
      return;
  }
}
