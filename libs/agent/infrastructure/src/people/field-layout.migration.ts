import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The HD Field Layout read model. A user has at most one personal layout of a type: commands
 * hold the pair before deciding, and the partial unique index makes a second one impossible even
 * if a command forgot to.
 */
export class FieldLayouts1763700009100 implements MigrationInterface {
  name = 'FieldLayouts1763700009100';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE agent.hd_field_layout (
      name text PRIMARY KEY,
      document_type text,
      "user" text,
      type text NOT NULL,
      apply_to_system boolean NOT NULL,
      layout text NOT NULL,
      creation timestamptz NOT NULL,
      modified timestamptz NOT NULL,
      modified_by text NOT NULL,
      owner text NOT NULL
    )`);
    await runner.query(`CREATE UNIQUE INDEX hd_field_layout_personal
      ON agent.hd_field_layout ("user", type) WHERE NOT apply_to_system`);
    await runner.query(`CREATE INDEX hd_field_layout_owner ON agent.hd_field_layout (owner)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE agent.hd_field_layout`);
  }
}
