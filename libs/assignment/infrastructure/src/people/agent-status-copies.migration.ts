import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * assignment-rule-service's copy of the HD Agent Status catalogue (from the people events), and
 * each agent's status by name: an agent counts by the category their status has now, so a
 * custom status of category Away is treated as Away, and moving a status to another category
 * moves the agents in it.
 */
export class AgentStatusCopies1763700002200 implements MigrationInterface {
  name = 'AgentStatusCopies1763700002200';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE assignment.agent_status (
      name text PRIMARY KEY,
      category text NOT NULL,
      enable boolean NOT NULL
    )`);
    await runner.query(`ALTER TABLE assignment.agent ADD COLUMN availability text`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE assignment.agent DROP COLUMN availability`);
    await runner.query(`DROP TABLE assignment.agent_status`);
  }
}
