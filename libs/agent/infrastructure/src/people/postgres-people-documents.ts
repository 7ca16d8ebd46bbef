import type {
  PeopleDirectoryReads,
  PeopleDocType,
  PeopleDocuments,
  PeopleLookups,
  PersonSummary,
  RowScope,
} from '@helpdesk/agent-application';
import type { AgentStatus } from '@helpdesk/agent-domain';
import { withConnection, type Sql } from '@helpdesk/shared-event-store';
import { FrappeListQueries, type RowFilter } from '@helpdesk/shared-frappe-query';
import type { FrappeDocument } from '@helpdesk/shared-messaging';
import type { DataSource } from 'typeorm';
import { PEOPLE_META } from './people.meta.js';

function rowFilter(scope: RowScope | undefined): RowFilter | undefined {
  return scope?.onlyName === undefined
    ? undefined
    : { text: 'name = $1', values: [scope.onlyName] };
}

/** Frappe reads over agent-service's read models, plus the lookups its commands need. */
export class PostgresPeopleDocuments
  implements PeopleDocuments, PeopleLookups, PeopleDirectoryReads
{
  private readonly queries: Record<PeopleDocType, FrappeListQueries>;

  constructor(
    private readonly dataSource: DataSource,
    timeZone: string,
  ) {
    this.queries = {
      User: new FrappeListQueries(PEOPLE_META.User, timeZone),
      'HD Agent': new FrappeListQueries(PEOPLE_META['HD Agent'], timeZone),
      'HD Team': new FrappeListQueries(PEOPLE_META['HD Team'], timeZone),
      'HD Agent Status': new FrappeListQueries(PEOPLE_META['HD Agent Status'], timeZone),
    };
  }

  list(doctype: PeopleDocType, params: Record<string, unknown>, scope?: RowScope) {
    return withConnection(this.dataSource, (sql) =>
      this.queries[doctype].list(sql, params, rowFilter(scope)),
    );
  }

  count(doctype: PeopleDocType, params: Record<string, unknown>, scope?: RowScope) {
    return withConnection(this.dataSource, (sql) =>
      this.queries[doctype].count(sql, params, rowFilter(scope)),
    );
  }

  get(doctype: PeopleDocType, name: string, scope?: RowScope) {
    return withConnection(this.dataSource, async (sql) => {
      const document = await this.queries[doctype].document(sql, name, rowFilter(scope));
      if (!document) return undefined;
      return this.withChildren(sql, doctype, document);
    });
  }

  /** Child tables as Frappe returns them: HD Team's `users`, User's `roles`. */
  private async withChildren(
    sql: Sql,
    doctype: PeopleDocType,
    document: FrappeDocument,
  ): Promise<FrappeDocument> {
    const name = String(document.name);
    if (doctype === 'HD Team') {
      const { rows } = await sql.query<{ user: string; idx: number }>(
        `SELECT "user", idx FROM agent.hd_team_member WHERE parent = $1 ORDER BY idx`,
        [name],
      );
      return {
        ...document,
        users: rows.map((row) =>
          childRow(
            { doctype: 'HD Team Member', parenttype: 'HD Team', parentfield: 'users' },
            name,
            row.idx,
            row,
          ),
        ),
      };
    }
    if (doctype === 'User') {
      const { rows } = await sql.query<{ roles: string[] }>(
        `SELECT roles FROM agent.users WHERE name = $1`,
        [name],
      );
      const roles = rows[0]?.roles ?? [];
      return {
        ...document,
        roles: roles.map((role, i) =>
          childRow({ doctype: 'Has Role', parenttype: 'User', parentfield: 'roles' }, name, i + 1, {
            role,
          }),
        ),
      };
    }
    return document;
  }

  async knownUsers(sql: Sql, names: readonly string[]): Promise<ReadonlySet<string>> {
    if (names.length === 0) return new Set();
    const { rows } = await sql.query<{ name: string }>(
      `SELECT name FROM agent.users WHERE name = ANY($1)`,
      [names],
    );
    return new Set(rows.map((row) => row.name));
  }

  async agentStatuses(sql: Sql): Promise<AgentStatus[]> {
    const { rows } = await sql.query<AgentStatus>(
      `SELECT agent_status, category, color, status_order, enable FROM agent.hd_agent_status`,
    );
    return rows;
  }

  async person(name: string): Promise<PersonSummary | undefined> {
    const [person] = await this.people('u.name = $1', [name]);
    return person;
  }

  enabledUsers(): Promise<PersonSummary[]> {
    return this.people('u.enabled', [], 'ORDER BY u.full_name, u.name');
  }

  async teamMembers(team: string): Promise<string[] | undefined> {
    return withConnection(this.dataSource, async (sql) => {
      const { rows } = await sql.query<{ member: string | null }>(
        `SELECT m."user" AS member FROM agent.hd_team t
           LEFT JOIN agent.hd_team_member m ON m.parent = t.name
          WHERE t.name = $1 ORDER BY m.idx`,
        [team],
      );
      if (rows.length === 0) return undefined;
      return rows.flatMap((row) => (row.member === null ? [] : [row.member]));
    });
  }

  private people(where: string, values: unknown[], order = ''): Promise<PersonSummary[]> {
    return withConnection(this.dataSource, async (sql) => {
      const { rows } = await sql.query<
        PersonSummary & {
          agent_availability: string | null;
          agent_changed: Date | null;
          is_agent: boolean;
        }
      >(
        `SELECT u.name, u.email, u.first_name, u.full_name, u.user_type, u.enabled, u.roles,
                u.user_image, u.time_zone,
                a.name IS NOT NULL AS is_agent, a.availability AS agent_availability,
                a.availability_changed_on AS agent_changed,
                COALESCE((SELECT array_agg(m.parent ORDER BY m.parent) FROM agent.hd_team_member m
                   JOIN agent.hd_team t ON t.name = m.parent AND NOT t.disabled
                  WHERE m."user" = u.name), '{}') AS teams
           FROM agent.users u LEFT JOIN agent.hd_agent a ON a.name = u.name
          WHERE ${where} ${order}`,
        values,
      );
      return rows.map(({ is_agent, agent_availability, agent_changed, ...person }) => ({
        ...person,
        agent: is_agent
          ? {
              availability: agent_availability,
              availability_changed_on: agent_changed ? agent_changed.toISOString() : null,
            }
          : null,
      }));
    });
  }
}

interface ChildTable {
  doctype: string;
  parenttype: string;
  parentfield: string;
}

function childRow(table: ChildTable, parent: string, idx: number, values: object) {
  return { ...values, ...table, parent, idx };
}
