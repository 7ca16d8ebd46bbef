import { assertIdentifier, type Sql } from '@helpdesk/shared-event-store';

/** A published event of one document, numbered in that document's own stream. */
export interface VersionedDocumentEvent {
  doctype: string;
  name: string;
  version: number;
}

/** An event that arrived before one it follows; redelivered later, it applies in order. */
export class DocumentEventOutOfOrder extends Error {
  constructor(event: VersionedDocumentEvent, applied: number) {
    super(`${event.doctype} ${event.name}: version ${event.version} arrived after ${applied}`);
    this.name = 'DocumentEventOutOfOrder';
  }
}

/**
 * Applies a consumed event to the consumer's copy in its document's own order, recording the
 * version in `<schema>.<versionTable>` (doctype, name, version): versions already applied are
 * skipped, a gap is refused so the broker redelivers it later (replicas may pull neighbouring
 * events of one document at once). Runs on the consumer's transaction.
 */
export async function applyInDocumentOrder(
  sql: Sql,
  versions: { schema: string; table: string },
  event: VersionedDocumentEvent,
  apply: () => Promise<void>,
): Promise<void> {
  const table = `${assertIdentifier(versions.schema)}.${assertIdentifier(versions.table)}`;
  const { rows } = await sql.query<{ version: number }>(
    `SELECT version FROM ${table} WHERE doctype = $1 AND name = $2 FOR UPDATE`,
    [event.doctype, event.name],
  );
  const applied = rows[0]?.version ?? 0;
  if (event.version <= applied) return;
  if (event.version !== applied + 1) throw new DocumentEventOutOfOrder(event, applied);
  await apply();
  await sql.query(
    `INSERT INTO ${table} (doctype, name, version) VALUES ($1, $2, $3)
     ON CONFLICT (doctype, name) DO UPDATE SET version = $3`,
    [event.doctype, event.name, event.version],
  );
}
