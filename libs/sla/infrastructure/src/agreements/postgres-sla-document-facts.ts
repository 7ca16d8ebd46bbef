import type { SlaDocumentFacts } from '@helpdesk/sla-application';
import type { Sql } from '@helpdesk/shared-event-store';

/**
 * The SLA document rules' facts from the read models, on the command's transaction. The read
 * models move in the same transaction as each append, so under the lock they are the truth.
 */
export class PostgresSlaDocumentFacts implements SlaDocumentFacts {
  /**
   * One lock for every SLA and holiday list change: two saves that would both become the
   * default take turns, so the second sees the first as the default to demote; and each change
   * commits before the next starts, so the documents' log positions follow commit order.
   */
  async lock(sql: Sql): Promise<void> {
    await sql.query(`SELECT pg_advisory_xact_lock(hashtext('sla.documents'))`);
  }

  async otherDefaultSla(sql: Sql, name: string): Promise<string | null> {
    const { rows } = await sql.query<{ name: string }>(
      `SELECT name FROM sla.hd_service_level_agreement
        WHERE default_sla AND name <> $1 ORDER BY creation DESC, name LIMIT 1`,
      [name],
    );
    return rows[0]?.name ?? null;
  }

  async holidayListExists(sql: Sql, name: string): Promise<boolean> {
    if (name === '') return false;
    const { rows } = await sql.query(`SELECT 1 FROM sla.hd_service_holiday_list WHERE name = $1`, [
      name,
    ]);
    return rows.length > 0;
  }

  async slasUsingList(sql: Sql, name: string): Promise<string[]> {
    const { rows } = await sql.query<{ name: string }>(
      `SELECT name FROM sla.hd_service_level_agreement WHERE holiday_list = $1 ORDER BY name`,
      [name],
    );
    return rows.map((row) => row.name);
  }
}
