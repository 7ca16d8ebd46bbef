import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the list view filters on, each followed by the list's order: `modified DESC` (the default)
 * and `name DESC`, the tie-breaker the query compiler appends. "Filter, newest first, first page"
 * then reads 20 index entries in order instead of sorting every match. The status/team/priority
 * index serves the agent view's usual three filters with one range scan.
 */
const LIST_INDEXES: [name: string, columns: string][] = [
  ['hd_ticket_modified_name_idx', 'modified DESC, name DESC'],
  ['hd_ticket_creation_idx', 'creation DESC, name DESC'],
  ['hd_ticket_status_modified_idx', 'status, modified DESC, name DESC'],
  ['hd_ticket_priority_idx', 'priority, modified DESC, name DESC'],
  ['hd_ticket_agent_group_idx', 'agent_group, modified DESC, name DESC'],
  ['hd_ticket_ticket_type_idx', 'ticket_type, modified DESC, name DESC'],
  ['hd_ticket_customer_idx', 'customer, modified DESC, name DESC'],
  ['hd_ticket_raised_by_idx', 'raised_by, modified DESC, name DESC'],
  ['hd_ticket_contact_idx', 'contact, modified DESC, name DESC'],
  ['hd_ticket_owner_idx', 'owner, modified DESC, name DESC'],
  ['hd_ticket_status_team_priority_idx', 'status, agent_group, priority, modified DESC, name DESC'],
];

/** The first read model's two indexes, which the ones above replace (they lack `name`). */
const REPLACED: [name: string, columns: string][] = [
  ['hd_ticket_modified_idx', 'modified DESC'],
  ['hd_ticket_status_idx', 'status, modified DESC'],
];

export class TicketListIndexes1763700001000 implements MigrationInterface {
  name = 'TicketListIndexes1763700001000';

  async up(runner: QueryRunner): Promise<void> {
    for (const [name] of REPLACED) await runner.query(`DROP INDEX ticket.${name}`);
    for (const [name, columns] of LIST_INDEXES) {
      await runner.query(`CREATE INDEX ${name} ON ticket.hd_ticket (${columns})`);
    }
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const [name] of LIST_INDEXES) await runner.query(`DROP INDEX ticket.${name}`);
    for (const [name, columns] of REPLACED) {
      await runner.query(`CREATE INDEX ${name} ON ticket.hd_ticket (${columns})`);
    }
  }
}

/**
 * `hd_ticket_counts`: how many tickets have each combination of the counted fields, spread over
 * slots (`name % 8`) so tickets created together do not queue on one row (ADR 0007). Filled from
 * the tickets already there; the projection keeps it current from then on. Every write updates a
 * row here, so pages are left half empty: the new version of a count then fits beside the old one
 * (a HOT update), adds no index entry, and is pruned without waiting for vacuum.
 */
export class TicketCounts1763700001100 implements MigrationInterface {
  name = 'TicketCounts1763700001100';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE ticket.hd_ticket_counts (
      status text NOT NULL,
      status_category text NOT NULL,
      priority text,
      ticket_type text NOT NULL,
      agent_group text,
      slot smallint NOT NULL,
      tickets bigint NOT NULL,
      CONSTRAINT hd_ticket_counts_key
        UNIQUE NULLS NOT DISTINCT (status, status_category, priority, ticket_type, agent_group, slot)
    ) WITH (fillfactor = 50)`);
    await runner.query(`INSERT INTO ticket.hd_ticket_counts
      SELECT status, status_category, priority, ticket_type, agent_group, name % 8, count(*)
      FROM ticket.hd_ticket
      GROUP BY status, status_category, priority, ticket_type, agent_group, name % 8`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE ticket.hd_ticket_counts`);
  }
}
