import type { SlaCatalogue, SlaPolicies, SlaPolicy } from '@helpdesk/sla-application';
import type { ServiceLevelAgreementDocument } from '@helpdesk/sla-domain';
import type { Sql } from '@helpdesk/shared-event-store';

type CheckField = 'enabled' | 'default_sla' | 'apply_sla_for_resolution';

/** A row of `sla.hd_service_level_agreement`: checks are booleans there. */
type AgreementRow = Omit<ServiceLevelAgreementDocument, CheckField> &
  Record<CheckField, boolean> & { creation: Date };

/**
 * Every SLA and every holiday list's dates, read in the caller's transaction and kept in memory
 * until an SLA document changes. Whether one did is one index lookup: the newest event of those
 * documents (`events_sla_document_position_idx`). Their changes are serialised by one lock, so
 * their positions grow in commit order and a newer position always means a newer catalogue.
 */
export class PostgresSlaPolicies implements SlaPolicies {
  private cached: { position: string; catalogue: SlaCatalogue } | undefined;

  async load(sql: Sql): Promise<SlaCatalogue> {
    const position = await this.newestDocumentEvent(sql);
    if (this.cached?.position === position) return this.cached.catalogue;
    // Read after the position: a change landing in between is caught at the next load.
    const catalogue = await this.read(sql);
    this.cached = { position, catalogue };
    return catalogue;
  }

  private async newestDocumentEvent(sql: Sql): Promise<string> {
    const { rows } = await sql.query<{ position: string | null }>(
      `SELECT max(global_position)::text AS position FROM sla.events
        WHERE stream_id LIKE 'hd-service-level-agreement-%'
           OR stream_id LIKE 'hd-service-holiday-list-%'`,
    );
    return rows[0]?.position ?? '0';
  }

  private async read(sql: Sql): Promise<SlaCatalogue> {
    const agreements = await sql.query<AgreementRow>(
      `SELECT name, service_level, description, enabled, default_sla, priority,
              start_date::text AS start_date, end_date::text AS end_date, condition,
              condition_json, holiday_list, support_and_resolution, priorities, default_priority,
              apply_sla_for_resolution, default_ticket_status, ticket_reopen_status, timezone,
              creation
         FROM sla.hd_service_level_agreement ORDER BY name`,
    );
    const lists = await sql.query<{ name: string; dates: string[] }>(
      `SELECT name, coalesce(
                (SELECT array_agg(h ->> 'holiday_date' ORDER BY h ->> 'holiday_date')
                   FROM jsonb_array_elements(holidays) h), '{}') AS dates
         FROM sla.hd_service_holiday_list`,
    );
    return catalogueOf(
      agreements.rows.map(toPolicy),
      new Map(lists.rows.map((row) => [row.name, row.dates])),
    );
  }
}

function toPolicy(row: AgreementRow): SlaPolicy {
  return {
    ...row,
    enabled: row.enabled ? 1 : 0,
    default_sla: row.default_sla ? 1 : 0,
    apply_sla_for_resolution: row.apply_sla_for_resolution ? 1 : 0,
    creation: row.creation.toISOString(),
  };
}

function catalogueOf(
  agreements: readonly SlaPolicy[],
  holidays: ReadonlyMap<string, readonly string[]>,
): SlaCatalogue {
  const byName = new Map(agreements.map((agreement) => [agreement.name, agreement]));
  return {
    agreements,
    agreement: (name) => byName.get(name),
    holidaysOf: (holidayList) => holidays.get(holidayList) ?? [],
  };
}
