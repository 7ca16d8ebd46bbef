import type { TicketCopies, TicketCopy } from '@helpdesk/assignment-application';
import type { Sql } from '@helpdesk/shared-event-store';

interface TicketRow {
  name: string;
  version: number;
  fields: Record<string, unknown>;
  assignments: TicketCopy['assignments'];
}

/** `assignment.ticket`: one row per ticket, locked while an event of it is applied. */
export class PostgresTicketCopies implements TicketCopies {
  async lock(sql: Sql, name: number): Promise<TicketCopy | undefined> {
    const { rows } = await sql.query<TicketRow>(
      `SELECT name, version, fields, assignments FROM assignment.ticket WHERE name = $1 FOR UPDATE`,
      [name],
    );
    const row = rows[0];
    return row && { ...row, name: Number(row.name) };
  }

  async save(sql: Sql, copy: TicketCopy): Promise<void> {
    const status = copy.fields.status_category;
    await sql.query(
      `INSERT INTO assignment.ticket (name, version, fields, status_category, assignments, assignees)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (name) DO UPDATE SET version = $2, fields = $3, status_category = $4,
         assignments = $5, assignees = $6`,
      [
        copy.name,
        copy.version,
        JSON.stringify(copy.fields),
        typeof status === 'string' ? status : null,
        JSON.stringify(copy.assignments),
        copy.assignments.map((assignment) => assignment.user),
      ],
    );
  }

  /** A deleted ticket keeps a tombstone version so its late events are still recognised. */
  async remove(sql: Sql, name: number): Promise<void> {
    await sql.query(
      `UPDATE assignment.ticket SET version = version + 1, status_category = 'Resolved',
         assignments = '[]', assignees = '{}' WHERE name = $1`,
      [name],
    );
  }
}
