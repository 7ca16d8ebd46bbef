import type { CatalogueEventV1 } from '@helpdesk/ticket-contracts';
import type { Sql } from '@helpdesk/shared-event-store';

/** The HD Settings fields that decide which saved replies an agent may use. */
export const SAVED_REPLY_SETTINGS = [
  'disable_saved_replies_global_scope',
  'restrict_tickets_by_agent_group',
] as const;

/**
 * Keeps those fields from ticket-service's `settings-changed` events. Settings events carry no
 * per-document version, so each field keeps the value of the latest change it has seen.
 */
export async function applyKnowledgeSettingsEvent(
  sql: Sql,
  event: CatalogueEventV1,
): Promise<void> {
  if (event.type !== 'helpdesk.catalogue.v1.settings-changed') return;
  for (const field of SAVED_REPLY_SETTINGS) {
    if (!(field in event.data)) continue;
    await sql.query(
      `INSERT INTO knowledge.settings (field, value, changed_at) VALUES ($1, $2, $3)
       ON CONFLICT (field) DO UPDATE SET value = $2, changed_at = $3
        WHERE knowledge.settings.changed_at <= $3`,
      [field, JSON.stringify(event.data[field] ?? null), event.occurredAt],
    );
  }
}
