import type pg from 'pg';

export interface TicketListFilters {
  status: string;
  priority: string;
  agent_group: string;
}

// What the ticket service compiles `get_list_data` with these filters to (standard list rows,
// `modified desc`, the name tie-breaker, 20 rows), and the exact count beside it.
const LIST_SQL = `SELECT "name", "creation", "modified", "modified_by", "_assign"::text AS "_assign", "owner"
  FROM "ticket"."hd_ticket"
  WHERE "status" = $1::text AND "priority" = $2::text AND "agent_group" = $3::text
  ORDER BY "ticket"."hd_ticket"."modified" DESC, "ticket"."hd_ticket"."name" DESC
  LIMIT $4 OFFSET $5`;
const COUNT_SQL = `SELECT count(*) AS "count" FROM "ticket"."hd_ticket"
  WHERE "status" = $1::text AND "priority" = $2::text AND "agent_group" = $3::text`;

/** One page of the filtered list and its exact total, straight from Postgres. */
export async function listTicketsInPostgres(
  pool: pg.Pool,
  filters: TicketListFilters,
  pageLength: number,
): Promise<{ rows: number; total: number }> {
  const values = [filters.status, filters.priority, filters.agent_group];
  const client = await pool.connect();
  try {
    const page = await client.query(LIST_SQL, [...values, pageLength, 0]);
    const count = await client.query<{ count: string }>(COUNT_SQL, values);
    return { rows: page.rowCount ?? 0, total: Number(count.rows[0]?.count) };
  } finally {
    client.release();
  }
}

/** How many tickets the read model holds: the scenario needs a large set to mean anything. */
export async function ticketCountInPostgres(pool: pg.Pool): Promise<number> {
  const { rows } = await pool.query<{ count: string }>(
    `SELECT count(*) AS count FROM ticket.hd_ticket`,
  );
  return Number(rows[0]?.count ?? 0);
}
