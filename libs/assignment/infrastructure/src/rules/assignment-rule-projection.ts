import type { AssignmentRuleDocument, AssignmentRuleEvent } from '@helpdesk/assignment-domain';
import type { RecordedEvent, Sql } from '@helpdesk/shared-event-store';

const JSON_COLUMNS = new Set(['users', 'weighted_users', 'assignment_days']);
const COLUMNS = [
  'document_type',
  'description',
  'priority',
  'disabled',
  'rule',
  'field',
  'due_date_based_on',
  'users',
  'weighted_users',
  'assignment_days',
  'assign_condition',
  'unassign_condition',
  'close_condition',
  'assign_condition_json',
  'unassign_condition_json',
] as const;

/**
 * Keeps `assignment.assignment_rule` in the append's transaction. The pointer (`last_user`,
 * `current_index`) is not projected from events: it lives in `assignment.rule_pointer` and moves
 * with each assignment decision.
 */
export async function assignmentRuleProjection(sql: Sql, events: RecordedEvent[]): Promise<void> {
  for (const recorded of events) {
    const event = { type: recorded.type, data: recorded.data } as unknown as AssignmentRuleEvent;
    const { name, at, by } = event.data;
    switch (event.type) {
      case 'AssignmentRuleCreated': {
        const values = event.data.values;
        const row = COLUMNS.map((column) => value(column, values[column]));
        await sql.query(
          `INSERT INTO assignment.assignment_rule
             (name, ${COLUMNS.join(', ')}, creation, modified, modified_by, owner)
           VALUES ($1, ${COLUMNS.map((_, i) => `$${i + 2}`).join(', ')},
                   $${COLUMNS.length + 2}, $${COLUMNS.length + 2}, $${COLUMNS.length + 3},
                   $${COLUMNS.length + 3})
           ON CONFLICT (name) DO NOTHING`,
          [name, ...row, at, by],
        );
        await sql.query(
          `INSERT INTO assignment.rule_pointer (rule, last_user, current_index) VALUES ($1, $2, $3)
           ON CONFLICT (rule) DO NOTHING`,
          [name, values.last_user, values.current_index],
        );
        break;
      }
      case 'AssignmentRuleUpdated':
      case 'AssignmentRuleSyncedWithTeam':
        await update(sql, name, event.data.changes, at, by);
        break;
      case 'AssignmentRuleLastUserRecorded':
        await sql.query(
          `UPDATE assignment.rule_pointer SET last_user = $2, current_index = $3 WHERE rule = $1`,
          [name, event.data.last_user, event.data.current_index],
        );
        break;
      case 'AssignmentRuleDeleted':
        await sql.query(`DELETE FROM assignment.assignment_rule WHERE name = $1`, [name]);
        await sql.query(`DELETE FROM assignment.rule_pointer WHERE rule = $1`, [name]);
        break;
    }
  }
}

async function update(
  sql: Sql,
  name: string,
  changes: Partial<AssignmentRuleDocument>,
  at: string,
  by: string,
): Promise<void> {
  const columns = COLUMNS.filter((column) => column in changes);
  const sets = columns.map((column, i) => `${column} = $${i + 4}`);
  await sql.query(
    `UPDATE assignment.assignment_rule
        SET ${[...sets, 'modified = $2', 'modified_by = $3'].join(', ')}
      WHERE name = $1`,
    [name, at, by, ...columns.map((column) => value(column, changes[column]))],
  );
}

function value(column: string, given: unknown): unknown {
  if (JSON_COLUMNS.has(column)) return JSON.stringify(given ?? []);
  if (column === 'disabled') return given === 1 || given === true;
  return given ?? null;
}
