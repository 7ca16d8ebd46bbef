import { agentStatusStreamId, type AgentStatusCreated } from '@helpdesk/agent-domain';
import { PostgresEventStore, sqlOf } from '@helpdesk/shared-event-store';
import type { MigrationInterface, QueryRunner } from 'typeorm';

interface StatusRow {
  name: string;
  category: AgentStatusCreated['data']['category'];
  color: string | null;
  status_order: number;
  enable: boolean;
  creation: Date;
  owner: string;
}

/**
 * HD Agent Status becomes event-sourced: every status row without a stream (the three statuses a
 * site starts with) is recorded as its `AgentStatusCreated`, so the log holds the catalogue and
 * other services learn it from the published events. A status may now have no color, and the
 * agents in a status are found by index before it is deleted. Running it again changes nothing.
 */
export class AgentStatusEvents1763700002100 implements MigrationInterface {
  name = 'AgentStatusEvents1763700002100';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE agent.hd_agent_status ALTER COLUMN color DROP NOT NULL`);
    await runner.query(
      `CREATE INDEX IF NOT EXISTS hd_agent_availability_idx ON agent.hd_agent (availability)`,
    );
    const sql = sqlOf(runner);
    const store = new PostgresEventStore('agent');
    const { rows } = await sql.query<StatusRow>(
      `SELECT s.name, s.category, s.color, s.status_order, s.enable, s.creation, s.owner
         FROM agent.hd_agent_status s
        WHERE NOT EXISTS (SELECT 1 FROM agent.streams WHERE stream_id = 'agent-status-' || s.name)
        ORDER BY s.status_order, s.name`,
    );
    for (const row of rows) {
      const created: AgentStatusCreated = {
        type: 'AgentStatusCreated',
        data: {
          at: row.creation.toISOString(),
          by: row.owner,
          agent_status: row.name,
          category: row.category,
          color: row.color,
          status_order: row.status_order,
          enable: row.enable,
        },
      };
      await store.appendToStream(sql, agentStatusStreamId(row.name), 0, [
        { ...created, metadata: { actor: row.owner, correlationId: this.name } },
      ]);
    }
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX IF EXISTS agent.hd_agent_availability_idx`);
    await runner.query(`UPDATE agent.hd_agent_status SET color = '' WHERE color IS NULL`);
    await runner.query(`ALTER TABLE agent.hd_agent_status ALTER COLUMN color SET NOT NULL`);
  }
}
