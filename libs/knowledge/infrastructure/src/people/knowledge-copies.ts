import type {
  KnowledgeSettings,
  PeopleDirectory,
  PersonCard,
} from '@helpdesk/knowledge-application';
import type { DataSource } from 'typeorm';

/** Users and teams as knowledge-service's copy has them. */
export class PostgresPeopleDirectory implements PeopleDirectory {
  constructor(private readonly dataSource: DataSource) {}

  async person(user: string): Promise<PersonCard | null> {
    const rows = (await this.dataSource.query(
      `SELECT name, full_name, user_image FROM knowledge.people_user WHERE name = $1`,
      [user],
    )) as PersonCard[];
    return rows[0] ?? null;
  }

  async teamsOf(user: string): Promise<string[]> {
    const rows = (await this.dataSource.query(
      `SELECT team FROM knowledge.team_member WHERE member = $1 ORDER BY team`,
      [user],
    )) as { team: string }[];
    return rows.map((row) => row.team);
  }
}

/** HD Settings as knowledge-service's copy has them; unset fields are Frappe's defaults (off). */
export class PostgresKnowledgeSettings implements KnowledgeSettings {
  constructor(private readonly dataSource: DataSource) {}

  async current(): Promise<{ globalScopeDisabled: boolean; restrictedByTeam: boolean }> {
    const rows = (await this.dataSource.query(`SELECT field, value FROM knowledge.settings`)) as {
      field: string;
      value: unknown;
    }[];
    const on = (field: string) => {
      const value = rows.find((row) => row.field === field)?.value;
      return value === true || value === 1 || value === '1';
    };
    return {
      globalScopeDisabled: on('disable_saved_replies_global_scope'),
      restrictedByTeam: on('restrict_tickets_by_agent_group'),
    };
  }
}
