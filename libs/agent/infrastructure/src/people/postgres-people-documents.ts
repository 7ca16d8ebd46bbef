import type {
  DirectoryLookups,
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

/** The contacts of a user, and the customers those contacts are members of. */
const OWN_CONTACTS = `SELECT c.name FROM agent.contact c WHERE c."user" = $1`;
const MEMBER_ROWS: Partial<Record<PeopleDocType, string>> = {
  Contact: `name IN (${OWN_CONTACTS})`,
  'HD Customer': `name IN (SELECT m.parent FROM agent.hd_customer_member m
    WHERE m.contact_name IN (${OWN_CONTACTS}))`,
};

/** Frappe's `if_owner` rows: made by the viewer, or made for them. */
const OWNED_ROWS: Partial<Record<PeopleDocType, string>> = {
  'HD Field Layout': `("user" = $1 OR owner = $1)`,
};

function rowFilter(doctype: PeopleDocType, scope: RowScope | undefined): RowFilter | undefined {
  if (scope?.onlyName !== undefined) return { text: 'name = $1', values: [scope.onlyName] };
  if (scope?.memberOf !== undefined)
    return { text: MEMBER_ROWS[doctype] ?? 'false', values: [scope.memberOf] };
  if (scope?.ownedBy !== undefined)
    return { text: OWNED_ROWS[doctype] ?? 'false', values: [scope.ownedBy] };
  return undefined;
}

/** Frappe reads over agent-service's read models, plus the lookups its commands need. */
export class PostgresPeopleDocuments
  implements PeopleDocuments, PeopleLookups, PeopleDirectoryReads, DirectoryLookups
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
      Contact: new FrappeListQueries(PEOPLE_META.Contact, timeZone),
      'HD Customer': new FrappeListQueries(PEOPLE_META['HD Customer'], timeZone),
      'HD Field Layout': new FrappeListQueries(PEOPLE_META['HD Field Layout'], timeZone),
    };
  }

  list(doctype: PeopleDocType, params: Record<string, unknown>, scope?: RowScope) {
    return withConnection(this.dataSource, (sql) =>
      this.queries[doctype].list(sql, params, rowFilter(doctype, scope)),
    );
  }

  count(doctype: PeopleDocType, params: Record<string, unknown>, scope?: RowScope) {
    return withConnection(this.dataSource, (sql) =>
      this.queries[doctype].count(sql, params, rowFilter(doctype, scope)),
    );
  }

  get(doctype: PeopleDocType, name: string, scope?: RowScope) {
    return withConnection(this.dataSource, async (sql) => {
      const document = await this.queries[doctype].document(sql, name, rowFilter(doctype, scope));
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
    if (doctype === 'Contact') return this.withContactRows(sql, document, name);
    if (doctype === 'HD Customer') {
      const { rows } = await sql.query<{ contact_name: string; is_manager: boolean; idx: number }>(
        `SELECT contact_name, is_manager, idx FROM agent.hd_customer_member
          WHERE parent = $1 ORDER BY idx`,
        [name],
      );
      const table = {
        doctype: 'HD Customer Member',
        parenttype: 'HD Customer',
        parentfield: 'contacts',
      };
      return {
        ...document,
        contacts: rows.map((row) =>
          childRow(table, name, row.idx, {
            contact_name: row.contact_name,
            is_manager: row.is_manager ? 1 : 0,
          }),
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

  private async withContactRows(sql: Sql, document: FrappeDocument, name: string) {
    const emails = await sql.query<{ email_id: string; is_primary: boolean; idx: number }>(
      `SELECT email_id, is_primary, idx FROM agent.contact_email WHERE parent = $1 ORDER BY idx`,
      [name],
    );
    const phones = await sql.query<{
      phone: string;
      is_primary_phone: boolean;
      is_primary_mobile_no: boolean;
      idx: number;
    }>(
      `SELECT phone, is_primary_phone, is_primary_mobile_no, idx FROM agent.contact_phone
        WHERE parent = $1 ORDER BY idx`,
      [name],
    );
    const table = (doctype: string, parentfield: string) => ({
      doctype,
      parenttype: 'Contact',
      parentfield,
    });
    return {
      ...document,
      email_ids: emails.rows.map((row) =>
        childRow(table('Contact Email', 'email_ids'), name, row.idx, {
          email_id: row.email_id,
          is_primary: row.is_primary ? 1 : 0,
        }),
      ),
      phone_nos: phones.rows.map((row) =>
        childRow(table('Contact Phone', 'phone_nos'), name, row.idx, {
          phone: row.phone,
          is_primary_phone: row.is_primary_phone ? 1 : 0,
          is_primary_mobile_no: row.is_primary_mobile_no ? 1 : 0,
        }),
      ),
    };
  }

  async contactDetails(sql: Sql, names: readonly string[]) {
    if (names.length === 0) return new Map();
    const { rows } = await sql.query<{
      name: string;
      email_id: string | null;
      mobile_no: string | null;
    }>(`SELECT name, email_id, mobile_no FROM agent.contact WHERE name = ANY($1)`, [names]);
    return new Map(rows.map(({ name, ...details }) => [name, details]));
  }

  async managedCustomers(sql: Sql, user: string): Promise<string[]> {
    const { rows } = await sql.query<{ parent: string }>(
      `SELECT DISTINCT m.parent FROM agent.hd_customer_member m
         JOIN agent.contact c ON c.name = m.contact_name
        WHERE c."user" = $1 AND m.is_manager ORDER BY m.parent`,
      [user],
    );
    return rows.map((row) => row.parent);
  }

  async contactNamesLike(sql: Sql, base: string): Promise<ReadonlySet<string>> {
    const { rows } = await sql.query<{ name: string }>(
      `SELECT name FROM agent.contact WHERE name = $1 OR (left(name, length($1) + 1) = $1 || '-')`,
      [base],
    );
    return new Set(rows.map((row) => row.name));
  }

  async contactOfEmail(sql: Sql, email: string): Promise<string | undefined> {
    const { rows } = await sql.query<{ name: string }>(
      `SELECT name FROM agent.contact WHERE email_id = $1 ORDER BY creation, name LIMIT 1`,
      [email],
    );
    return rows[0]?.name;
  }

  async contactOfUser(sql: Sql, user: string): Promise<string | undefined> {
    const { rows } = await sql.query<{ name: string }>(
      `SELECT name FROM agent.contact WHERE "user" = $1 ORDER BY creation, name LIMIT 1`,
      [user],
    );
    return rows[0]?.name;
  }

  async customersOfContact(sql: Sql, contact: string) {
    const { rows } = await sql.query<{ name: string; image: string | null }>(
      `SELECT c.name, c.image FROM agent.hd_customer c
         JOIN agent.hd_customer_member m ON m.parent = c.name
        WHERE m.contact_name = $1 ORDER BY c.name`,
      [contact],
    );
    return rows;
  }

  async invitationsOf(sql: Sql, email: string, app: string) {
    const { rows } = await sql.query<{
      name: string;
      status: string;
      expires_at: Date;
      contact: string | null;
    }>(
      `SELECT name, status, expires_at, contact FROM agent.user_invitation
        WHERE email = $1 AND app_name = $2 ORDER BY creation DESC`,
      [email, app],
    );
    return rows.map((row) => ({ ...row, expires_at: row.expires_at.toISOString() }));
  }

  async invitationOfKeyHash(sql: Sql, keyHash: string): Promise<string | undefined> {
    const { rows } = await sql.query<{ name: string }>(
      `SELECT name FROM agent.user_invitation WHERE key_hash = $1`,
      [keyHash],
    );
    return rows[0]?.name;
  }

  async pendingInvitations(sql: Sql, app: string, customer?: string) {
    const { rows } = await sql.query<{
      name: string;
      email: string;
      roles: string[];
      invited_by: string;
      creation: Date;
    }>(
      `SELECT name, email, roles, invited_by, creation FROM agent.user_invitation
        WHERE app_name = $1 AND status = 'Pending' AND expires_at > now()
          AND ($2::text IS NULL OR customer = $2) ORDER BY creation, name`,
      [app, customer ?? null],
    );
    return rows;
  }

  async knownUsers(sql: Sql, names: readonly string[]): Promise<ReadonlySet<string>> {
    if (names.length === 0) return new Set();
    const { rows } = await sql.query<{ name: string }>(
      `SELECT name FROM agent.users WHERE name = ANY($1)`,
      [names],
    );
    return new Set(rows.map((row) => row.name));
  }

  agentStatuses(sql: Sql): Promise<AgentStatus[]> {
    return this.heldAgentStatuses(sql, 'SHARE');
  }

  agentStatusesForChange(sql: Sql): Promise<AgentStatus[]> {
    return this.heldAgentStatuses(sql, 'UPDATE');
  }

  private async heldAgentStatuses(sql: Sql, lock: 'SHARE' | 'UPDATE'): Promise<AgentStatus[]> {
    const { rows } = await sql.query<AgentStatus>(
      `SELECT agent_status, category, color, status_order, enable FROM agent.hd_agent_status
        ORDER BY name FOR ${lock}`,
    );
    return rows;
  }

  async personalFieldLayouts(sql: Sql, user: string, type: string): Promise<string[]> {
    await sql.query(
      `SELECT pg_advisory_xact_lock(hashtext('agent.hd_field_layout'), hashtext($1))`,
      [`${user}\n${type}`],
    );
    const { rows } = await sql.query<{ name: string }>(
      `SELECT name FROM agent.hd_field_layout
        WHERE "user" = $1 AND type = $2 AND NOT apply_to_system ORDER BY name`,
      [user, type],
    );
    return rows.map((row) => row.name);
  }

  async agentInStatus(sql: Sql, status: string): Promise<string | undefined> {
    const { rows } = await sql.query<{ name: string }>(
      `SELECT name FROM agent.hd_agent WHERE availability = $1 ORDER BY name LIMIT 1`,
      [status],
    );
    return rows[0]?.name;
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
