import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The SLA and holiday list read models (child tables as jsonb rows), and an index that finds the
 * newest event of those documents at once, so `SlaPolicies` can tell whether its copy is current.
 */
class SlaDocuments1763700003100 implements MigrationInterface {
  name = 'SlaDocuments1763700003100';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE sla.hd_service_level_agreement (
      name text PRIMARY KEY,
      service_level text NOT NULL,
      description text,
      enabled boolean NOT NULL,
      default_sla boolean NOT NULL,
      priority integer NOT NULL,
      start_date date,
      end_date date,
      condition text,
      condition_json text,
      holiday_list text NOT NULL,
      support_and_resolution jsonb NOT NULL,
      priorities jsonb NOT NULL,
      default_priority text NOT NULL,
      apply_sla_for_resolution boolean NOT NULL,
      default_ticket_status text,
      ticket_reopen_status text,
      timezone text NOT NULL,
      creation timestamptz NOT NULL,
      modified timestamptz NOT NULL,
      modified_by text NOT NULL,
      owner text NOT NULL,
      -- A second default can only come from a bug: the commands hand the mark over under a lock.
      CONSTRAINT one_default_sla EXCLUDE USING btree (default_sla WITH =) WHERE (default_sla)
        DEFERRABLE INITIALLY DEFERRED
    )`);
    await runner.query(
      `CREATE INDEX hd_service_level_agreement_holiday_list_idx
         ON sla.hd_service_level_agreement (holiday_list)`,
    );
    await runner.query(`CREATE TABLE sla.hd_service_holiday_list (
      name text PRIMARY KEY,
      holiday_list_name text NOT NULL,
      from_date date NOT NULL,
      to_date date NOT NULL,
      weekly_off text,
      holidays jsonb NOT NULL,
      total_holidays integer NOT NULL,
      color text,
      description text,
      creation timestamptz NOT NULL,
      modified timestamptz NOT NULL,
      modified_by text NOT NULL,
      owner text NOT NULL
    )`);
    await runner.query(`CREATE INDEX events_sla_document_position_idx ON sla.events (global_position)
      WHERE stream_id LIKE 'hd-service-level-agreement-%'
         OR stream_id LIKE 'hd-service-holiday-list-%'`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX sla.events_sla_document_position_idx`);
    await runner.query(`DROP TABLE sla.hd_service_holiday_list, sla.hd_service_level_agreement`);
  }
}

/** The SLA and holiday list read models. */
export const AGREEMENT_MIGRATIONS: (new () => MigrationInterface)[] = [SlaDocuments1763700003100];
