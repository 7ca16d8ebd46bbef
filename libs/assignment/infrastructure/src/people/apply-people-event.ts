import type { PeopleEventV1 } from '@helpdesk/agent-contracts';
import type { AssignmentRuleCommands } from '@helpdesk/assignment-application';
import { teamSupportRotationRule } from '@helpdesk/assignment-domain';
import type { Sql } from '@helpdesk/shared-event-store';
import { applyInDocumentOrder } from '@helpdesk/shared-messaging';
import { applyAgentStatusEvent } from './apply-agent-status-event.js';

/** Helpdesk's own changes to team rules are made as the system, not as whoever edited the team. */
const SYSTEM = { user: 'Administrator', system: true } as const;

const CATEGORIES = new Set(['Active', 'Away', 'Unavailable']);

/**
 * assignment-rule-service's copy of people (known users, agents' availability, teams) from the
 * published people events, each document's events once and in order; and HD Team's hooks
 * (helpdesk-behaviour §2.1): a new team gets its "<team> - Support Rotation" rule, the rule
 * follows the team's members and `disabled`, and goes when the team goes — in the same
 * transaction as the event is recorded as applied.
 */
export class ApplyPeopleEvent {
  constructor(private readonly rules: AssignmentRuleCommands) {}

  readonly run = (sql: Sql, event: PeopleEventV1): Promise<void> =>
    applyInDocumentOrder(sql, { schema: 'assignment', table: 'people_version' }, event, () =>
      this.apply(sql, event),
    );

  private async apply(sql: Sql, event: PeopleEventV1): Promise<void> {
    const { name } = event;
    switch (event.type) {
      case 'helpdesk.people.v1.user-registered':
        await sql.query(
          `INSERT INTO assignment.known_user (name, enabled) VALUES ($1, $2)
           ON CONFLICT (name) DO UPDATE SET enabled = $2`,
          [name, event.data.enabled],
        );
        return;
      case 'helpdesk.people.v1.user-enabled':
      case 'helpdesk.people.v1.user-disabled':
        await sql.query(`UPDATE assignment.known_user SET enabled = $2 WHERE name = $1`, [
          name,
          event.type === 'helpdesk.people.v1.user-enabled',
        ]);
        return;
      case 'helpdesk.people.v1.agent-enrolled':
        await sql.query(
          `INSERT INTO assignment.agent (name, is_active, availability, category)
           VALUES ($1, $2, $3, $4)
           ON CONFLICT (name) DO UPDATE SET is_active = $2, availability = $3, category = $4`,
          [
            name,
            event.data.is_active,
            event.data.availability,
            categoryOf(event.data.availability),
          ],
        );
        return;
      case 'helpdesk.people.v1.agent-availability-changed':
        await sql.query(
          `UPDATE assignment.agent SET availability = $2, category = $3 WHERE name = $1`,
          [name, event.data.availability, categoryOf(event.data.category)],
        );
        return;
      case 'helpdesk.people.v1.agent-status-created':
      case 'helpdesk.people.v1.agent-status-changed':
      case 'helpdesk.people.v1.agent-status-removed':
        return applyAgentStatusEvent(sql, event);
      case 'helpdesk.people.v1.agent-activated':
      case 'helpdesk.people.v1.agent-deactivated':
        await sql.query(`UPDATE assignment.agent SET is_active = $2 WHERE name = $1`, [
          name,
          event.type === 'helpdesk.people.v1.agent-activated',
        ]);
        return;
      case 'helpdesk.people.v1.agent-removed':
        await sql.query(`DELETE FROM assignment.agent WHERE name = $1`, [name]);
        return;
      case 'helpdesk.people.v1.team-created':
        return this.teamCreated(sql, name, event.data.users, event.data.disabled);
      case 'helpdesk.people.v1.team-members-changed':
        await sql.query(`UPDATE assignment.team SET users = $2 WHERE name = $1`, [
          name,
          event.data.users,
        ]);
        return this.syncRule(sql, name);
      case 'helpdesk.people.v1.team-disabled':
      case 'helpdesk.people.v1.team-enabled':
        await sql.query(`UPDATE assignment.team SET disabled = $2 WHERE name = $1`, [
          name,
          event.type === 'helpdesk.people.v1.team-disabled',
        ]);
        return this.syncRule(sql, name);
      case 'helpdesk.people.v1.team-removed':
        return this.teamRemoved(sql, name);
      case 'helpdesk.people.v1.team-assignment-rule-linked':
        await sql.query(
          `UPDATE assignment.team_rule_link SET linked_at = now() WHERE team = $1 AND rule = $2`,
          [name, event.data.assignment_rule],
        );
        return;
      default:
        return;
    }
  }

  private async teamCreated(sql: Sql, team: string, users: string[], disabled: boolean) {
    const { rows } = await sql.query<{ name: string }>(
      `SELECT name FROM assignment.assignment_rule WHERE name LIKE $1`,
      [`${team.replace(/[\\%_]/g, '\\$&')} - Support Rotation%`],
    );
    const rule = teamSupportRotationRule(
      { team_name: team, users, disabled },
      rows.map((row) => row.name),
    );
    await this.rules.on(sql, { type: 'CreateAssignmentRule', data: rule }, SYSTEM);
    await sql.query(
      `INSERT INTO assignment.team (name, users, disabled, rule) VALUES ($1, $2, $3, $4)
       ON CONFLICT (name) DO UPDATE SET users = $2, disabled = $3, rule = $4`,
      [team, users, disabled, rule.name],
    );
    await sql.query(
      `INSERT INTO assignment.team_rule_link (team, rule) VALUES ($1, $2)
       ON CONFLICT (team) DO UPDATE SET rule = $2, linked_at = NULL`,
      [team, rule.name],
    );
  }

  private async syncRule(sql: Sql, team: string): Promise<void> {
    const { rows } = await sql.query<{ users: string[]; disabled: boolean; rule: string | null }>(
      `SELECT t.users, t.disabled, r.name AS rule FROM assignment.team t
         JOIN assignment.assignment_rule r ON r.name = t.rule WHERE t.name = $1`,
      [team],
    );
    const found = rows[0];
    if (!found?.rule) return;
    await this.rules.on(
      sql,
      {
        type: 'SyncAssignmentRuleWithTeam',
        data: { name: found.rule, team, members: found.users, disabled: found.disabled },
      },
      SYSTEM,
    );
  }

  private async teamRemoved(sql: Sql, team: string): Promise<void> {
    const { rows } = await sql.query<{ rule: string }>(
      `SELECT r.name AS rule FROM assignment.team t
         JOIN assignment.assignment_rule r ON r.name = t.rule WHERE t.name = $1`,
      [team],
    );
    const rule = rows[0]?.rule;
    if (rule)
      await this.rules.on(sql, { type: 'DeleteAssignmentRule', data: { name: rule } }, SYSTEM);
    await sql.query(`DELETE FROM assignment.team WHERE name = $1`, [team]);
    await sql.query(`DELETE FROM assignment.team_rule_link WHERE team = $1`, [team]);
  }
}

/**
 * The category an agent counts by until their status's copy arrives (events of two documents may
 * arrive in either order): the seeded statuses are named after their categories, anything else
 * counts as Active. Once the status is known, its own category wins (`availability` of the rule
 * pass's store).
 */
function categoryOf(value: string | null): 'Active' | 'Away' | 'Unavailable' {
  return value !== null && CATEGORIES.has(value)
    ? (value as 'Active' | 'Away' | 'Unavailable')
    : 'Active';
}
