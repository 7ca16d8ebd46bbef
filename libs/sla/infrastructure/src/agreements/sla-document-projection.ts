import type { ServiceHolidayListEvent, ServiceLevelAgreementEvent } from '@helpdesk/sla-domain';
import type { RecordedEvent, Sql } from '@helpdesk/shared-event-store';

interface ReadModelTable {
  table: string;
  /** Every document field stored in a column of the same name. */
  columns: readonly string[];
  json: ReadonlySet<string>;
  checks: ReadonlySet<string>;
}

const AGREEMENTS: ReadModelTable = {
  table: 'sla.hd_service_level_agreement',
  columns: [
    'service_level',
    'description',
    'enabled',
    'default_sla',
    'priority',
    'start_date',
    'end_date',
    'condition',
    'condition_json',
    'holiday_list',
    'support_and_resolution',
    'priorities',
    'default_priority',
    'apply_sla_for_resolution',
    'default_ticket_status',
    'ticket_reopen_status',
    'timezone',
  ],
  json: new Set(['support_and_resolution', 'priorities']),
  checks: new Set(['enabled', 'default_sla', 'apply_sla_for_resolution']),
};

const HOLIDAY_LISTS: ReadModelTable = {
  table: 'sla.hd_service_holiday_list',
  columns: [
    'holiday_list_name',
    'from_date',
    'to_date',
    'weekly_off',
    'holidays',
    'total_holidays',
    'color',
    'description',
  ],
  json: new Set(['holidays']),
  checks: new Set(),
};

type SlaDocumentEvent = ServiceLevelAgreementEvent | ServiceHolidayListEvent;

/**
 * Keeps `sla.hd_service_level_agreement` and `sla.hd_service_holiday_list` in the append's
 * transaction: creation and owner from the first event, modified and modified_by from the last
 * (a demotion too, as Frappe's `set_value` touches `modified`).
 */
export async function slaDocumentProjection(sql: Sql, events: RecordedEvent[]): Promise<void> {
  for (const recorded of events) {
    const event = { type: recorded.type, data: recorded.data } as unknown as SlaDocumentEvent;
    const { name, at, by } = event.data;
    switch (event.type) {
      case 'ServiceLevelAgreementCreated':
        await insert(sql, AGREEMENTS, name, event.data.values, at, by);
        break;
      case 'ServiceLevelAgreementUpdated':
        await update(sql, AGREEMENTS, name, event.data.changes, at, by);
        break;
      case 'ServiceLevelAgreementDemoted':
        await update(sql, AGREEMENTS, name, { default_sla: 0 }, at, by);
        break;
      case 'ServiceLevelAgreementDeleted':
        await sql.query(`DELETE FROM ${AGREEMENTS.table} WHERE name = $1`, [name]);
        break;
      case 'ServiceHolidayListCreated':
        await insert(sql, HOLIDAY_LISTS, name, event.data.values, at, by);
        break;
      case 'ServiceHolidayListUpdated':
        await update(sql, HOLIDAY_LISTS, name, event.data.changes, at, by);
        break;
      case 'ServiceHolidayListDeleted':
        await sql.query(`DELETE FROM ${HOLIDAY_LISTS.table} WHERE name = $1`, [name]);
        break;
    }
  }
}

async function insert(
  sql: Sql,
  model: ReadModelTable,
  name: string,
  values: object,
  at: string,
  by: string,
): Promise<void> {
  const fields = values as Record<string, unknown>;
  const { columns } = model;
  const placeholders = columns.map((_, i) => `$${i + 2}`).join(', ');
  const stamp = columns.length + 2;
  await sql.query(
    `INSERT INTO ${model.table}
       (name, ${columns.join(', ')}, creation, modified, modified_by, owner)
     VALUES ($1, ${placeholders}, $${stamp}, $${stamp}, $${stamp + 1}, $${stamp + 1})
     ON CONFLICT (name) DO NOTHING`,
    [name, ...columns.map((column) => columnValue(model, column, fields[column])), at, by],
  );
}

async function update(
  sql: Sql,
  model: ReadModelTable,
  name: string,
  changes: object,
  at: string,
  by: string,
): Promise<void> {
  const fields = changes as Record<string, unknown>;
  const columns = model.columns.filter((column) => column in fields);
  const sets = columns.map((column, i) => `${column} = $${i + 4}`);
  await sql.query(
    `UPDATE ${model.table} SET ${[...sets, 'modified = $2', 'modified_by = $3'].join(', ')}
      WHERE name = $1`,
    [name, at, by, ...columns.map((column) => columnValue(model, column, fields[column]))],
  );
}

function columnValue(model: ReadModelTable, column: string, given: unknown): unknown {
  if (model.json.has(column)) return JSON.stringify(given ?? []);
  if (model.checks.has(column)) return given === 1 || given === true;
  return given ?? null;
}
