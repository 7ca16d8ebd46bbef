import type {
  AssignmentRuleDocuments,
  AssignmentRuleSummary,
} from '@helpdesk/assignment-application';
import { withConnection, type Sql } from '@helpdesk/shared-event-store';
import { FrappeListQueries } from '@helpdesk/shared-frappe-query';
import type { FrappeDocument } from '@helpdesk/shared-messaging';
import type { DataSource } from 'typeorm';
import { ASSIGNMENT_RULE_META } from './assignment-rule.meta.js';

interface ChildTable {
  field: 'users' | 'weighted_users' | 'assignment_days';
  doctype: string;
}

/** Frappe's child DocTypes of Assignment Rule, in the order `frappe.client.get` lists them. */
const CHILD_TABLES: readonly ChildTable[] = [
  { field: 'assignment_days', doctype: 'Assignment Rule Day' },
  { field: 'users', doctype: 'Assignment Rule User' },
  { field: 'weighted_users', doctype: 'Assignment Rule Weighted User' },
];

type RuleExtras = Record<ChildTable['field'], object[]> & {
  last_user: string | null;
  current_index: number;
};

/** Frappe reads over `assignment.assignment_rule`, with each rule's pointer beside it. */
export class PostgresAssignmentRuleDocuments implements AssignmentRuleDocuments {
  private readonly queries: FrappeListQueries;

  constructor(
    private readonly dataSource: DataSource,
    timeZone: string,
  ) {
    this.queries = new FrappeListQueries(ASSIGNMENT_RULE_META, timeZone);
  }

  list(params: Record<string, unknown>): Promise<unknown[]> {
    return withConnection(this.dataSource, (sql) => this.queries.list(sql, params));
  }

  count(params: Record<string, unknown>): Promise<number> {
    return withConnection(this.dataSource, (sql) => this.queries.count(sql, params));
  }

  /** The document, then its rows and pointer; a rule deleted in between reads as absent. */
  get(name: string): Promise<FrappeDocument | undefined> {
    return withConnection(this.dataSource, async (sql) => {
      const document = await this.queries.document(sql, name);
      if (!document) return undefined;
      const { rows } = await sql.query<RuleExtras>(
        `SELECT r.users, r.weighted_users, r.assignment_days,
                p.last_user, coalesce(p.current_index, 0) AS current_index
           FROM assignment.assignment_rule r
           LEFT JOIN assignment.rule_pointer p ON p.rule = r.name
          WHERE r.name = $1`,
        [name],
      );
      const extras = rows[0];
      if (!extras) return undefined;
      const children = CHILD_TABLES.map(({ field, doctype }) => [
        field,
        extras[field].map((values, i) => ({
          ...values,
          doctype,
          parenttype: 'Assignment Rule',
          parentfield: field,
          parent: name,
          idx: i + 1,
        })),
      ]);
      return {
        ...document,
        last_user: extras.last_user,
        current_index: extras.current_index,
        ...Object.fromEntries(children),
      };
    });
  }

  summaries(): Promise<AssignmentRuleSummary[]> {
    return withConnection(this.dataSource, async (sql) => {
      const { rows } = await sql.query<
        Omit<AssignmentRuleSummary, 'disabled'> & { disabled: boolean }
      >(
        `SELECT name, description, disabled, priority, jsonb_array_length(users) > 0 AS users_exists
           FROM assignment.assignment_rule
          ORDER BY modified DESC, name`,
      );
      return rows.map((row) => ({ ...row, disabled: row.disabled ? 1 : 0 }));
    });
  }

  /**
   * How many HD Ticket rules besides `name` exist, on the deleting transaction. Deletions take
   * one lock in turn, so two managers deleting the last two rules at once cannot both succeed.
   */
  async otherTicketRules(sql: Sql, name: string): Promise<number> {
    await sql.query(`SELECT pg_advisory_xact_lock(hashtext('assignment.ticket-rule-deletion'))`);
    const { rows } = await sql.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM assignment.assignment_rule
        WHERE document_type = 'HD Ticket' AND name <> $1`,
      [name.trim()],
    );
    return rows[0]?.count ?? 0;
  }
}
