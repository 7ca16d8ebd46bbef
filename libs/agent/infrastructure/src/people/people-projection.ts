import {
  fullName,
  peopleDocumentOf,
  type AgentStatusEvent,
  type FieldLayoutEvent,
  type PeopleEvent,
} from '@helpdesk/agent-domain';
import type { RecordedEvent, Sql } from '@helpdesk/shared-event-store';
import { projectAgentStatus } from './agent-status-projection.js';
import { projectFieldLayout } from './field-layout-projection.js';
import { projectDirectory, type DirectoryEvent } from './people-directory-projection.js';

const DIRECTORY_DOCTYPES = new Set(['Contact', 'HD Customer', 'User Invitation']);

/**
 * Keeps agent-service's read models in step with its people events, inside the append's
 * transaction (read-your-writes for the service's own API).
 */
export async function projectPeople(sql: Sql, events: readonly RecordedEvent[]): Promise<void> {
  for (const recorded of events) {
    const { doctype, name } = peopleDocumentOf(recorded.streamId);
    const event = { type: recorded.type, data: recorded.data } as unknown as PeopleEvent;
    if (DIRECTORY_DOCTYPES.has(doctype)) await projectDirectory(sql, name, event as DirectoryEvent);
    else if (doctype === 'HD Agent Status')
      await projectAgentStatus(sql, name, event as AgentStatusEvent);
    else if (doctype === 'HD Field Layout')
      await projectFieldLayout(sql, name, event as FieldLayoutEvent);
    else await project(sql, name, event);
  }
}

async function project(sql: Sql, name: string, event: PeopleEvent): Promise<void> {
  const { at, by } = event.data;
  switch (event.type) {
    case 'UserRegistered': {
      // A row stored before users were event-sourced is taken over by the user's first event.
      const d = event.data;
      await sql.query(
        `INSERT INTO agent.users (name, email, first_name, last_name, full_name, user_type, roles,
           user_image, enabled, creation, modified, modified_by, owner)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, true, $9, $9, $10, $10)
         ON CONFLICT (name) DO UPDATE SET email = $2, first_name = $3, last_name = $4,
           full_name = $5, user_type = $6, roles = $7, user_image = $8, enabled = true,
           modified = $9, modified_by = $10`,
        [
          name,
          d.email,
          d.first_name,
          d.last_name,
          fullName(d.first_name, d.last_name),
          d.user_type,
          d.roles,
          d.user_image,
          at,
          by,
        ],
      );
      return;
    }
    case 'UserProfileEdited': {
      const changes: Record<string, unknown> = { ...event.data.changes };
      if (event.data.full_name !== undefined) changes.full_name = event.data.full_name;
      return update(sql, 'agent.users', name, changes, at, by);
    }
    case 'UserEnabled':
    case 'UserDisabled':
      return update(sql, 'agent.users', name, { enabled: event.type === 'UserEnabled' }, at, by);
    case 'UserRolesChanged':
      return update(sql, 'agent.users', name, { roles: event.data.roles }, at, by);
    case 'UserApiKeysIssued':
      return update(
        sql,
        'agent.users',
        name,
        { api_key: event.data.api_key, api_secret_hash: event.data.api_secret_hash },
        at,
        by,
      );
    case 'UserPasswordSet':
      return update(
        sql,
        'agent.users',
        name,
        { password_hash: event.data.password_hash, password_set_at: at },
        at,
        by,
      );
    case 'AgentEnrolled': {
      const d = event.data;
      await sql.query(
        `INSERT INTO agent.hd_agent (name, "user", agent_name, user_image, is_active, availability,
           availability_changed_on, creation, modified, modified_by, owner)
         VALUES ($1, $1, $2, $3, $4, $5, $6, $7, $7, $8, $8)`,
        [
          name,
          d.agent_name,
          d.user_image,
          d.is_active,
          d.availability,
          d.availability === null ? null : at,
          at,
          by,
        ],
      );
      return;
    }
    case 'AgentProfileEdited':
      return update(sql, 'agent.hd_agent', name, event.data.changes, at, by);
    case 'AgentActivated':
    case 'AgentDeactivated':
      return update(
        sql,
        'agent.hd_agent',
        name,
        { is_active: event.type === 'AgentActivated' },
        at,
        by,
      );
    case 'AgentAvailabilityChanged':
      return update(
        sql,
        'agent.hd_agent',
        name,
        { availability: event.data.availability, availability_changed_on: at },
        at,
        by,
      );
    case 'AgentRemoved':
      await sql.query(`DELETE FROM agent.hd_agent WHERE name = $1`, [name]);
      return;
    case 'TeamCreated':
      await sql.query(
        `INSERT INTO agent.hd_team (name, team_name, ignore_restrictions, disabled, creation,
           modified, modified_by, owner) VALUES ($1, $1, $2, $3, $4, $4, $5, $5)`,
        [name, event.data.ignore_restrictions, event.data.disabled, at, by],
      );
      return replaceMembers(sql, name, event.data.users);
    case 'TeamMembersChanged':
      await update(sql, 'agent.hd_team', name, {}, at, by);
      return replaceMembers(sql, name, event.data.users);
    case 'TeamRestrictionsChanged':
      return update(
        sql,
        'agent.hd_team',
        name,
        { ignore_restrictions: event.data.ignore_restrictions },
        at,
        by,
      );
    case 'TeamDisabled':
    case 'TeamEnabled':
      return update(
        sql,
        'agent.hd_team',
        name,
        { disabled: event.type === 'TeamDisabled' },
        at,
        by,
      );
    case 'TeamAssignmentRuleLinked':
      return update(
        sql,
        'agent.hd_team',
        name,
        { assignment_rule: event.data.assignment_rule },
        at,
        by,
      );
    case 'TeamRemoved':
      await sql.query(`DELETE FROM agent.hd_team WHERE name = $1`, [name]);
      return;
  }
}

const PROJECTED_COLUMNS = new Set([
  'first_name',
  'last_name',
  'full_name',
  'user_image',
  'time_zone',
  'enabled',
  'roles',
  'api_key',
  'api_secret_hash',
  'password_hash',
  'password_set_at',
  'agent_name',
  'is_active',
  'availability',
  'availability_changed_on',
  'ignore_restrictions',
  'disabled',
  'assignment_rule',
]);

/** Sets the given columns (names from the fixed list above, never from input) and the stamps. */
async function update(
  sql: Sql,
  table: 'agent.users' | 'agent.hd_agent' | 'agent.hd_team',
  name: string,
  changes: Record<string, unknown>,
  at: string,
  by: string,
): Promise<void> {
  const columns = Object.keys(changes).filter((column) => PROJECTED_COLUMNS.has(column));
  const sets = columns.map((column, i) => `${column} = $${i + 4}`);
  await sql.query(
    `UPDATE ${table} SET ${['modified = $2', 'modified_by = $3', ...sets].join(', ')} WHERE name = $1`,
    [name, at, by, ...columns.map((column) => changes[column])],
  );
}

async function replaceMembers(sql: Sql, team: string, users: readonly string[]): Promise<void> {
  await sql.query(`DELETE FROM agent.hd_team_member WHERE parent = $1`, [team]);
  if (users.length === 0) return;
  await sql.query(
    `INSERT INTO agent.hd_team_member (parent, idx, "user")
     SELECT $1, u.idx, u.name FROM unnest($2::text[]) WITH ORDINALITY AS u(name, idx)`,
    [team, users],
  );
}
