import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { BASELINE_SCHEMA as s } from './baseline-schema.js';

export interface BaselineTicket {
  subject: string;
  raisedBy: string;
  priority: string;
}

/**
 * The statements `POST /api/resource/HD Ticket` commits, sent straight to Postgres: allocate the
 * name, claim the new stream, append `TicketOpened`, notify publishers, project the read-model
 * row and its count and read the row back, in one transaction.
 */
export async function createTicketInPostgres(pool: pg.Pool, ticket: BaselineTicket): Promise<void> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    try {
      await createTicket(client, ticket);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch((rollbackError: Error) => (broken = rollbackError));
      throw error;
    }
  } finally {
    client.release(broken);
  }
}

async function createTicket(client: pg.PoolClient, ticket: BaselineTicket): Promise<void> {
  const next = await client.query<{ name: string }>(
    `SELECT nextval('${s}.hd_ticket_name_seq')::text AS name`,
  );
  const name = Number(next.rows[0]?.name);
  const streamId = `ticket-${name}`;
  const claimed = await client.query(
    `INSERT INTO ${s}.streams (stream_id, version) VALUES ($1, 1) ON CONFLICT DO NOTHING`,
    [streamId],
  );
  if (claimed.rowCount !== 1) throw new Error(`stream ${streamId} already exists`);

  const openedAt = new Date();
  const data = {
    name,
    subject: ticket.subject,
    description: null,
    raisedBy: ticket.raisedBy,
    status: 'Open',
    statusCategory: 'Open',
    priority: ticket.priority,
    ticketType: 'Unspecified',
    viaCustomerPortal: false,
    key: randomUUID(),
    openedBy: 'Administrator',
    openedAt: openedAt.toISOString(),
  };
  await client.query(
    `INSERT INTO ${s}.events
       (stream_id, stream_version, event_id, event_type, schema_version, data, metadata)
     VALUES ($1, 1, $2, 'TicketOpened', 1, $3, $4)
     RETURNING global_position::text, transaction_id::text, recorded_at`,
    [streamId, randomUUID(), data, { actor: data.openedBy, correlationId: randomUUID() }],
  );
  await client.query(`SELECT pg_notify($1, '')`, [`${s}_events`]);
  await client.query(
    `INSERT INTO ${s}.hd_ticket (name, stream_version, owner, creation, modified, modified_by,
       subject, description, raised_by, status, status_category, priority, ticket_type,
       via_customer_portal, opening_date, key)
     VALUES ($1, 1, $2, $3, $3, $2, $4, $5, $6, $7, $8, $9, $10, $11, $12::date, $13)
     ON CONFLICT (name) DO NOTHING`,
    [
      name,
      data.openedBy,
      openedAt,
      data.subject,
      data.description,
      data.raisedBy,
      data.status,
      data.statusCategory,
      data.priority,
      data.ticketType,
      data.viaCustomerPortal,
      data.openedAt.slice(0, 10),
      data.key,
    ],
  );
  await client.query(
    `INSERT INTO ${s}.hd_ticket_counts AS c
       (status, status_category, priority, ticket_type, agent_group, slot, tickets)
     VALUES ($1, $2, $3, $4, NULL, $5, 1)
     ON CONFLICT ON CONSTRAINT hd_ticket_counts_key DO UPDATE SET tickets = c.tickets + 1`,
    [data.status, data.statusCategory, data.priority, data.ticketType, name % 8],
  );
  const row = await client.query(
    `SELECT *, name::text AS name, opening_date::text AS opening_date
     FROM ${s}.hd_ticket WHERE name = $1`,
    [name],
  );
  if (row.rowCount !== 1) throw new Error(`ticket ${name} missing from the baseline read model`);
}
