import type { Sql } from '@helpdesk/shared-event-store';

/** The fields `hd_ticket_counts` is keyed on: a count filtered only on these is read from it. */
export const COUNTED_FIELDS = [
  'status',
  'status_category',
  'priority',
  'ticket_type',
  'agent_group',
] as const;

export type CountedField = (typeof COUNTED_FIELDS)[number];
export type CountedValues = Record<CountedField, string | null>;

/** For `RETURNING` / `SELECT`: the counted columns of `hd_ticket`, in `COUNTED_FIELDS` order. */
export const COUNTED_COLUMNS = COUNTED_FIELDS.join(', ');

/** Rows per key: tickets created together land on different rows, so their commits do not queue. */
const SLOTS = 8;

export function touchesCountedField(fields: Record<string, unknown>): boolean {
  return COUNTED_FIELDS.some((field) => Object.hasOwn(fields, field));
}

/** The counted values of one ticket row, locked until commit; undefined when the row is absent. */
export async function lockCountedValues(
  sql: Sql,
  name: number,
  olderThanVersion: number,
): Promise<CountedValues | undefined> {
  const { rows } = await sql.query<CountedValues>(
    `SELECT ${COUNTED_COLUMNS} FROM ticket.hd_ticket
     WHERE name = $1 AND stream_version < $2 FOR UPDATE`,
    [name, olderThanVersion],
  );
  return rows[0];
}

/**
 * After a bulk load or a rebuild, which rewrite every count row once per batch: packs the table
 * back into the few pages its live rows need. It is tiny, so the exclusive lock lasts milliseconds.
 */
export async function compactTicketCounts(sql: Sql): Promise<void> {
  await sql.query(`VACUUM (FULL, ANALYZE) ticket.hd_ticket_counts`);
}

interface Delta {
  values: CountedValues;
  slot: number;
  tickets: number;
}

/**
 * The count changes of one projection run, written together by `save` in the same transaction
 * as the rows they describe. Rows are upserted in key order, so two transactions moving tickets
 * between the same keys in opposite directions lock them in the same order and never deadlock.
 */
export class TicketCountChanges {
  private readonly deltas = new Map<string, Delta>();

  added(name: number, values: CountedValues | undefined): void {
    if (values) this.change(name, values, 1);
  }

  removed(name: number, values: CountedValues | undefined): void {
    if (values) this.change(name, values, -1);
  }

  /** An update: `before` is what `lockCountedValues` saw, `after` what the UPDATE returned. */
  moved(name: number, before: CountedValues | undefined, after: CountedValues | undefined): void {
    if (!before || !after) return;
    this.change(name, before, -1);
    this.change(name, after, 1);
  }

  async save(sql: Sql): Promise<void> {
    const deltas = [...this.deltas.entries()]
      .filter(([, delta]) => delta.tickets !== 0)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, delta]) => delta);
    this.deltas.clear();
    if (deltas.length === 0) return;
    const arrays = [
      ...COUNTED_FIELDS.map((field) => deltas.map((d) => d.values[field])),
      deltas.map((d) => d.slot),
      deltas.map((d) => d.tickets),
    ];
    const types = [...COUNTED_FIELDS.map(() => 'text'), 'smallint', 'bigint'];
    await sql.query(
      `INSERT INTO ticket.hd_ticket_counts AS c (${COUNTED_COLUMNS}, slot, tickets)
       SELECT ${[...COUNTED_FIELDS, 'slot', 'tickets'].map((column) => `d.${column}`).join(', ')}
       FROM unnest(${types.map((type, i) => `$${i + 1}::${type}[]`).join(', ')}) WITH ORDINALITY
         AS d(${COUNTED_COLUMNS}, slot, tickets, n)
       ORDER BY d.n
       ON CONFLICT ON CONSTRAINT hd_ticket_counts_key
       DO UPDATE SET tickets = c.tickets + EXCLUDED.tickets`,
      arrays,
    );
  }

  private change(name: number, values: CountedValues, tickets: number): void {
    const slot = name % SLOTS;
    const picked = Object.fromEntries(
      COUNTED_FIELDS.map((field) => [field, values[field] ?? null]),
    ) as CountedValues;
    const key = JSON.stringify([...COUNTED_FIELDS.map((field) => picked[field]), slot]);
    const delta = this.deltas.get(key) ?? { values: picked, slot, tickets: 0 };
    delta.tickets += tickets;
    this.deltas.set(key, delta);
  }
}
