import type { FieldLayoutEvent } from '@helpdesk/agent-domain';
import type { Sql } from '@helpdesk/shared-event-store';

/** Changeable columns of `agent.hd_field_layout`; SQL names come from this list, never events. */
const CHANGEABLE = ['document_type', 'user', 'type', 'apply_to_system', 'layout'] as const;

/** Keeps `agent.hd_field_layout` in step with the layouts' events, in the append's transaction. */
export async function projectFieldLayout(
  sql: Sql,
  name: string,
  event: FieldLayoutEvent,
): Promise<void> {
  const { at, by } = event.data;
  switch (event.type) {
    case 'HdFieldLayoutCreated': {
      const { document_type, user, type, apply_to_system, layout } = event.data;
      await sql.query(
        `INSERT INTO agent.hd_field_layout (name, document_type, "user", type, apply_to_system,
           layout, creation, modified, modified_by, owner)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $7, $8, $8)`,
        [name, document_type, user, type, apply_to_system, layout, at, by],
      );
      return;
    }
    case 'HdFieldLayoutChanged': {
      const { changes } = event.data;
      const columns = CHANGEABLE.filter((column) => changes[column] !== undefined);
      const sets = columns.map((column, i) => `"${column}" = $${i + 4}`);
      await sql.query(
        `UPDATE agent.hd_field_layout SET ${['modified = $2', 'modified_by = $3', ...sets].join(', ')}
          WHERE name = $1`,
        [name, at, by, ...columns.map((column) => changes[column])],
      );
      return;
    }
    case 'HdFieldLayoutRemoved':
      await sql.query(`DELETE FROM agent.hd_field_layout WHERE name = $1`, [name]);
      return;
  }
}
