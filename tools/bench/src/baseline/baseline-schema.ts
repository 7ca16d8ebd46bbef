import { assertIdentifier, eventStoreMigration } from '@helpdesk/shared-event-store';
import pg from 'pg';
import type { QueryRunner } from 'typeorm';

/** Scratch schema for the baseline, created at bench start and dropped at the end. */
export const BASELINE_SCHEMA = assertIdentifier('bench_baseline');
const s = BASELINE_SCHEMA;

// The columns and indexes of ticket.hd_ticket and its counts table, so the baseline pays the same
// index and count upkeep.
const READ_MODEL_DDL = [
  `CREATE SEQUENCE ${s}.hd_ticket_name_seq AS bigint`,
  `CREATE TABLE ${s}.hd_ticket (
    name bigint PRIMARY KEY, stream_version integer NOT NULL, owner text NOT NULL,
    creation timestamptz NOT NULL, modified timestamptz NOT NULL, modified_by text NOT NULL,
    subject text NOT NULL, description text, raised_by text NOT NULL, status text NOT NULL,
    status_category text NOT NULL, priority text, ticket_type text NOT NULL, agent_group text,
    contact text, customer text, via_customer_portal boolean NOT NULL DEFAULT false,
    opening_date date NOT NULL, key text NOT NULL, _assign jsonb, sla text,
    response_by timestamptz, resolution_by timestamptz, agreement_status text,
    first_response_time double precision, first_responded_on timestamptz,
    avg_response_time double precision, last_agent_response timestamptz,
    last_customer_response timestamptz, resolution_details text, resolution_date timestamptz,
    resolution_time double precision, feedback_rating double precision, feedback text,
    feedback_extra text
  )`,
  `CREATE INDEX ON ${s}.hd_ticket (modified DESC, name DESC)`,
  `CREATE INDEX ON ${s}.hd_ticket (creation DESC, name DESC)`,
  ...[
    'status',
    'priority',
    'agent_group',
    'ticket_type',
    'customer',
    'raised_by',
    'contact',
    'owner',
  ].map((field) => `CREATE INDEX ON ${s}.hd_ticket (${field}, modified DESC, name DESC)`),
  `CREATE INDEX ON ${s}.hd_ticket (status, agent_group, priority, modified DESC, name DESC)`,
  `CREATE TABLE ${s}.hd_ticket_counts (
    status text NOT NULL, status_category text NOT NULL, priority text, ticket_type text NOT NULL,
    agent_group text, slot smallint NOT NULL, tickets bigint NOT NULL,
    CONSTRAINT hd_ticket_counts_key
      UNIQUE NULLS NOT DISTINCT (status, status_category, priority, ticket_type, agent_group, slot)
  ) WITH (fillfactor = 50)`,
];

/** Recreates the baseline schema: the event store's own tables plus the ticket read model. */
export async function createBaselineSchema(databaseUrl: string): Promise<void> {
  await withClient(databaseUrl, async (client) => {
    await client.query(`DROP SCHEMA IF EXISTS ${s} CASCADE`);
    await client.query(`CREATE SCHEMA ${s}`);
    // The event store migration only ever calls `query(text)`, which a pg client answers.
    const runner = { query: (text: string) => client.query(text) } as unknown as QueryRunner;
    await new (eventStoreMigration(s))().up(runner);
    for (const statement of READ_MODEL_DDL) await client.query(statement);
  });
}

export async function dropBaselineSchema(databaseUrl: string): Promise<void> {
  await withClient(databaseUrl, (client) => client.query(`DROP SCHEMA IF EXISTS ${s} CASCADE`));
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, application_name: 'bench' });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
