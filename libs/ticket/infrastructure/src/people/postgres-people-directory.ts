import { withConnection } from '@helpdesk/shared-event-store';
import type {
  AgentCard,
  ContactCard,
  PeopleDirectory,
  UserCard,
} from '@helpdesk/ticket-application';
import type { DataSource } from 'typeorm';

function byName<T extends { name: string }>(rows: T[]): ReadonlyMap<string, T> {
  return new Map(rows.map((row) => [row.name, row]));
}

export class PostgresPeopleDirectory implements PeopleDirectory {
  constructor(private readonly dataSource: DataSource) {}

  async users(names: readonly string[]): Promise<ReadonlyMap<string, UserCard>> {
    if (names.length === 0) return new Map();
    const rows = await withConnection(this.dataSource, (sql) =>
      sql.query<UserCard>(
        `SELECT name, full_name, user_image FROM ticket.people_user WHERE name = ANY($1)`,
        [names],
      ),
    );
    return byName(rows.rows);
  }

  async agents(names: readonly string[]): Promise<ReadonlyMap<string, AgentCard>> {
    if (names.length === 0) return new Map();
    const rows = await withConnection(this.dataSource, (sql) =>
      sql.query<AgentCard>(
        `SELECT name, agent_name, user_image, is_active, availability, availability_changed_on
           FROM ticket.people_agent WHERE name = ANY($1)`,
        [names],
      ),
    );
    return byName(rows.rows);
  }

  async contact(name: string): Promise<ContactCard | undefined> {
    const rows = await withConnection(this.dataSource, (sql) =>
      sql.query<ContactCard>(
        `SELECT name, full_name, email_id, phone, mobile_no, image, company_name, user_id AS "user"
           FROM ticket.people_contact WHERE name = $1`,
        [name],
      ),
    );
    return rows.rows[0];
  }
}
