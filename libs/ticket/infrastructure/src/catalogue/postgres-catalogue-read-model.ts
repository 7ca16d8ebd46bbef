import type { CatalogueEntry, CatalogueReadModel } from '@helpdesk/ticket-application';
import type { RecordedEvent, Sql } from '@helpdesk/shared-event-store';
import {
  CATALOGUE_SCHEMAS,
  DEFAULT_HD_SETTINGS,
  type CatalogueDoctype,
  type CatalogueEvent,
  type CatalogueValues,
  type HdSettings,
  type HdSettingsChanged,
} from '@helpdesk/ticket-catalogue-domain';

/** Table and column of each catalogue field; `order` is a reserved word, stored as `sort_order`. */
export const CATALOGUE_TABLES: Readonly<Record<CatalogueDoctype, string>> = {
  'HD Ticket Status': 'ticket.hd_ticket_status',
  'HD Ticket Priority': 'ticket.hd_ticket_priority',
  'HD Ticket Type': 'ticket.hd_ticket_type',
  'HD Ticket Feedback Option': 'ticket.hd_ticket_feedback_option',
};

export function catalogueColumn(field: string): string {
  return field === 'order' ? 'sort_order' : field;
}

const CHECK_FIELDS = new Set(['different_view', 'enabled', 'disabled', 'is_system']);

function toColumnValue(field: string, value: unknown): unknown {
  return CHECK_FIELDS.has(field) ? value === 1 : value;
}

function fromColumnValue(field: string, value: unknown): CatalogueValues[string] {
  if (CHECK_FIELDS.has(field)) return value ? 1 : 0;
  if (field === 'rating' || field === 'order') return value === null ? null : Number(value);
  return value as CatalogueValues[string];
}

export class PostgresCatalogueReadModel implements CatalogueReadModel {
  async project(sql: Sql, events: RecordedEvent[]): Promise<void> {
    if (events.length === 0) return;
    await sql.query(`UPDATE ticket.catalogue_version SET version = version + 1 WHERE id = 1`);
    for (const recorded of events) {
      if (recorded.type === 'HdSettingsChanged') {
        await this.applySettings(sql, recorded, recorded.data as HdSettingsChanged['data']);
      } else {
        await this.apply(sql, { type: recorded.type, data: recorded.data } as CatalogueEvent);
      }
    }
  }

  async entries(sql: Sql, doctype: CatalogueDoctype): Promise<CatalogueEntry[]> {
    const fields = Object.keys(CATALOGUE_SCHEMAS[doctype].fields);
    const { rows } = await sql.query<Record<string, unknown>>(
      `SELECT name, ${fields.map(catalogueColumn).join(', ')} FROM ${CATALOGUE_TABLES[doctype]} ORDER BY name`,
    );
    return rows.map((row) => ({
      name: String(row.name),
      values: Object.fromEntries(
        fields.map((f) => [f, fromColumnValue(f, row[catalogueColumn(f)])]),
      ),
    }));
  }

  async version(sql: Sql): Promise<string> {
    const { rows } = await sql.query<{ version: string }>(
      `SELECT version::text AS version FROM ticket.catalogue_version WHERE id = 1`,
    );
    return rows[0]?.version ?? '0';
  }

  async settings(sql: Sql): Promise<HdSettings> {
    const { rows } = await sql.query<{ settings: Partial<HdSettings> }>(
      `SELECT settings FROM ticket.hd_settings WHERE name = 'HD Settings'`,
    );
    return { ...DEFAULT_HD_SETTINGS, ...(rows[0]?.settings ?? {}) };
  }

  private async apply(sql: Sql, event: CatalogueEvent): Promise<void> {
    const { doctype, name, at, by } = event.data;
    const table = CATALOGUE_TABLES[doctype];
    switch (event.type) {
      case 'CatalogueEntryAdded': {
        const fields = Object.keys(event.data.values);
        const columns = [
          'name',
          ...fields.map(catalogueColumn),
          'owner',
          'creation',
          'modified',
          'modified_by',
        ];
        const values = [
          name,
          ...fields.map((f) => toColumnValue(f, event.data.values[f])),
          by,
          at,
          at,
          by,
        ];
        await sql.query(
          `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')})
           ON CONFLICT (name) DO NOTHING`,
          values,
        );
        return;
      }
      case 'CatalogueEntryChanged': {
        const fields = Object.keys(event.data.changes);
        const sets = fields.map((f, i) => `${catalogueColumn(f)} = $${i + 4}`);
        await sql.query(
          `UPDATE ${table} SET modified = $2, modified_by = $3${sets.map((s) => `, ${s}`).join('')} WHERE name = $1`,
          [name, at, by, ...fields.map((f) => toColumnValue(f, event.data.changes[f]))],
        );
        return;
      }
      case 'CatalogueEntryRemoved':
        await sql.query(`DELETE FROM ${table} WHERE name = $1`, [name]);
        return;
      default:
        return;
    }
  }

  private async applySettings(
    sql: Sql,
    recorded: RecordedEvent,
    data: HdSettingsChanged['data'],
  ): Promise<void> {
    await sql.query(
      `INSERT INTO ticket.hd_settings (name, settings, owner, creation, modified, modified_by)
       VALUES ('HD Settings', $1::jsonb, $2, $3, $3, $2)
       ON CONFLICT (name) DO UPDATE SET settings = ticket.hd_settings.settings || EXCLUDED.settings,
         modified = EXCLUDED.modified, modified_by = EXCLUDED.modified_by`,
      [JSON.stringify(data.changes), data.by, data.at ?? recorded.recordedAt.toISOString()],
    );
  }
}
