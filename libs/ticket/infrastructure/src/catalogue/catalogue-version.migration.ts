import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One row counting catalogue and HD Settings changes, bumped in the same transaction as their
 * projection: a writer reads it (one row) to know whether its cached lookups are still current.
 */
export class TicketCatalogueVersion1763700000800 implements MigrationInterface {
  name = 'TicketCatalogueVersion1763700000800';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE ticket.catalogue_version (
      id smallint PRIMARY KEY CHECK (id = 1),
      version bigint NOT NULL
    )`);
    await runner.query(`INSERT INTO ticket.catalogue_version (id, version) VALUES (1, 0)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE ticket.catalogue_version`);
  }
}
