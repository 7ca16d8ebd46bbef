import type { RulePassStore, RulePointer } from '@helpdesk/assignment-application';
import type {
  AgentAvailability,
  AssignmentRuleDocument,
  AvailabilityCategory,
} from '@helpdesk/assignment-domain';
import type { Sql } from '@helpdesk/shared-event-store';

/** The rule pass's reads and the pointer's lock, over assignment-rule-service's own schema. */
export class PostgresRulePassStore implements RulePassStore {
  async ticketRules(sql: Sql): Promise<AssignmentRuleDocument[]> {
    const { rows } = await sql.query<
      Omit<AssignmentRuleDocument, 'disabled'> & { disabled: boolean }
    >(
      `SELECT r.name, r.document_type, r.description, r.priority, r.disabled, r.rule, r.field,
              r.due_date_based_on, r.users, r.weighted_users, r.assignment_days,
              r.assign_condition, r.unassign_condition, r.close_condition,
              r.assign_condition_json, r.unassign_condition_json,
              p.last_user, coalesce(p.current_index, 0) AS current_index
         FROM assignment.assignment_rule r
         LEFT JOIN assignment.rule_pointer p ON p.rule = r.name
        WHERE r.document_type = 'HD Ticket' AND NOT r.disabled`,
    );
    return rows.map((row) => ({ ...row, disabled: row.disabled ? 1 : 0 }));
  }

  async lockPointer(sql: Sql, rule: string): Promise<RulePointer | undefined> {
    await sql.query(
      `INSERT INTO assignment.rule_pointer (rule) VALUES ($1) ON CONFLICT (rule) DO NOTHING`,
      [rule],
    );
    const { rows } = await sql.query<{ last_user: string | null; current_index: number }>(
      `SELECT last_user, current_index FROM assignment.rule_pointer WHERE rule = $1 FOR UPDATE`,
      [rule],
    );
    const row = rows[0];
    return row && { last_user: row.last_user ?? '', current_index: row.current_index };
  }

  async savePointer(sql: Sql, rule: string, pointer: RulePointer): Promise<void> {
    await sql.query(
      `UPDATE assignment.rule_pointer SET last_user = $2, current_index = $3 WHERE rule = $1`,
      [rule, pointer.last_user, pointer.current_index],
    );
  }

  /**
   * Active agents by the category of the status they are in now; an agent whose status has not
   * been copied yet counts by the category their own events carried.
   */
  async availability(sql: Sql): Promise<AgentAvailability> {
    const { rows } = await sql.query<{ name: string; category: AvailabilityCategory }>(
      `SELECT a.name, COALESCE(s.category, a.category) AS category
         FROM assignment.agent a LEFT JOIN assignment.agent_status s ON s.name = a.availability
        WHERE a.is_active`,
    );
    return new Map(rows.map((row) => [row.name, row.category]));
  }

  async openAssignmentCounts(
    sql: Sql,
    users: readonly string[],
  ): Promise<ReadonlyMap<string, number>> {
    if (users.length === 0) return new Map();
    const { rows } = await sql.query<{ user: string; open: number }>(
      `SELECT u AS "user", count(*)::int AS open
         FROM assignment.ticket t, unnest(t.assignees) u
        WHERE t.assignees && $1::text[] AND t.status_category IS DISTINCT FROM 'Resolved'
          AND u = ANY($1::text[])
        GROUP BY u`,
      [users],
    );
    return new Map(rows.map((row) => [row.user, row.open]));
  }

  async knownUsers(sql: Sql, names: readonly string[]): Promise<ReadonlySet<string>> {
    if (names.length === 0) return new Set();
    const { rows } = await sql.query<{ name: string }>(
      `SELECT name FROM assignment.known_user WHERE name = ANY($1::text[]) AND enabled`,
      [names],
    );
    return new Set(rows.map((row) => row.name));
  }

  async team(
    sql: Sql,
    name: string,
  ): Promise<{ users: string[]; rule: string | null } | undefined> {
    const { rows } = await sql.query<{ users: string[]; rule: string | null }>(
      `SELECT users, rule FROM assignment.team WHERE name = $1`,
      [name],
    );
    return rows[0];
  }
}
