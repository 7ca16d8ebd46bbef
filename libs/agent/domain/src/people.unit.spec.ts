import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PeopleRuleViolation, type PeopleViolationKind } from './agent-rule-violation.js';
import type { CommandContext } from './command-context.js';
import { SEEDED_AGENT_STATUSES } from './hd-agent-status/agent-status.js';
import type { AgentCommand, AgentContext } from './hd-agent/agent.commands.js';
import { decideAgent } from './hd-agent/agent.decide.js';
import type { AgentEvent } from './hd-agent/agent.events.js';
import { evolveAgent } from './hd-agent/agent.evolve.js';
import { NO_AGENT } from './hd-agent/agent.state.js';
import type { TeamCommand, TeamContext } from './hd-team/team.commands.js';
import { decideTeam } from './hd-team/team.decide.js';
import type { TeamEvent } from './hd-team/team.events.js';
import { evolveTeam } from './hd-team/team.evolve.js';
import { NO_TEAM } from './hd-team/team.state.js';
import type { UserCommand } from './user/user.commands.js';
import { decideUser } from './user/user.decide.js';
import type { UserEvent } from './user/user.events.js';
import { evolveUser } from './user/user.evolve.js';
import { NO_USER } from './user/user.state.js';

const at = '2026-11-21T10:00:00.000Z';
const ADMIN: CommandContext = { actor: 'Administrator', roles: ['Administrator'], at };
const MANAGER: CommandContext = { actor: 'lead@example.com', roles: ['Agent Manager'], at };
const AGENT: CommandContext = { actor: 'ann@example.com', roles: ['Agent'], at };
const CUSTOMER: CommandContext = { actor: 'cat@customer.com', roles: ['HD Customer'], at };

const refused = (kind: PeopleViolationKind, message?: RegExp) => (error: unknown) =>
  error instanceof PeopleRuleViolation &&
  error.kind === kind &&
  (message === undefined || message.test(error.message));

function registered(email: string, roles: string[] = ['Agent']): UserEvent[] {
  return decideUser({ type: 'RegisterUser', email, roles, context: ADMIN }, NO_USER);
}

const userAfter = (events: UserEvent[]) => events.reduce(evolveUser, NO_USER);
const whenUser = (given: UserEvent[], command: UserCommand) =>
  decideUser(command, userAfter(given));

describe('User', () => {
  it('registers with the local part as first name and desk access for agent roles', () => {
    const state = userAfter(registered('Ann.Lee@Example.com'));
    assert.equal(state.kind, 'present');
    if (state.kind !== 'present') return;
    assert.equal(state.user.name, 'ann.lee@example.com');
    assert.equal(state.user.full_name, 'Ann.Lee');
    assert.equal(state.user.user_type, 'System User');
    assert.deepEqual(state.user.roles, ['Agent']);
  });

  it('portal users are website users', () => {
    const state = userAfter(registered('cat@customer.com', ['HD Customer']));
    assert.equal(state.kind === 'present' && state.user.user_type, 'Website User');
  });

  it('refuses an invalid address, a duplicate and an unknown role', () => {
    assert.throws(() => registered('not-an-email'), refused('invalid'));
    assert.throws(
      () =>
        whenUser(registered('ann@example.com'), {
          type: 'RegisterUser',
          email: 'ANN@example.com',
          roles: [],
          context: ADMIN,
        }),
      refused('duplicate'),
    );
    assert.throws(() => registered('x@example.com', ['Root']), refused('link', /Role: Root/));
  });

  it('lets a plain agent bring in agents but not managers', () => {
    const invite = (roles: string[]): UserCommand => ({
      type: 'RegisterUser',
      email: 'new@example.com',
      roles,
      context: AGENT,
    });
    assert.equal(decideUser(invite(['Agent']), NO_USER).length, 1);
    assert.throws(() => decideUser(invite(['Agent Manager']), NO_USER), refused('permission'));
    assert.throws(
      () =>
        decideUser(
          { type: 'RegisterUser', email: 'n@e.com', roles: ['Agent'], context: CUSTOMER },
          NO_USER,
        ),
      refused('permission'),
    );
  });

  it('nobody but a System Manager changes their own roles', () => {
    const given = registered('lead@example.com', ['Agent Manager']);
    assert.throws(
      () =>
        whenUser(given, {
          type: 'ChangeUserRoles',
          add: ['System Manager'],
          remove: [],
          context: MANAGER,
        }),
      refused('permission', /your own roles/),
    );
  });

  it('an Agent Manager promotes an agent; only the difference is recorded', () => {
    const events = whenUser(registered('ann@example.com'), {
      type: 'ChangeUserRoles',
      add: ['Agent Manager', 'Agent'],
      remove: [],
      context: MANAGER,
    });
    assert.deepEqual(
      events.map((e) => e.type === 'UserRolesChanged' && e.data.added),
      [['Agent Manager']],
    );
    assert.throws(
      () =>
        whenUser(registered('ann@example.com'), {
          type: 'ChangeUserRoles',
          add: ['System Manager'],
          remove: [],
          context: MANAGER,
        }),
      refused('permission'),
    );
  });

  it('only a System Manager issues API keys, and only the hash is recorded', () => {
    const issue = (context: CommandContext): UserCommand => ({
      type: 'IssueApiKeys',
      api_key: 'k',
      api_secret_hash: 'scrypt$…',
      context,
    });
    assert.throws(
      () => whenUser(registered('ann@example.com'), issue(AGENT)),
      refused('permission'),
    );
    const [event] = whenUser(registered('ann@example.com'), issue(ADMIN));
    assert.deepEqual(event?.type === 'UserApiKeysIssued' && event.data.api_secret_hash, 'scrypt$…');
  });

  it('edits the profile of oneself and recomputes the full name; no change, no event', () => {
    const given = registered('ann@example.com');
    const events = whenUser(given, {
      type: 'EditUserProfile',
      changes: { first_name: 'Ann', last_name: 'Lee' },
      context: AGENT,
    });
    const state = userAfter([...given, ...events]);
    assert.equal(state.kind === 'present' && state.user.full_name, 'Ann Lee');
    assert.deepEqual(
      whenUser([...given, ...events], {
        type: 'EditUserProfile',
        changes: { first_name: 'Ann' },
        context: AGENT,
      }),
      [],
    );
    assert.throws(
      () =>
        whenUser(registered('bob@example.com'), {
          type: 'EditUserProfile',
          changes: { first_name: 'Robert' },
          context: AGENT,
        }),
      refused('permission'),
    );
  });

  it('disabling needs a System Manager and never hits oneself', () => {
    const given = registered('ann@example.com');
    const disable = (context: CommandContext): UserCommand => ({
      type: 'EditUserProfile',
      changes: { enabled: false },
      context,
    });
    assert.throws(() => whenUser(given, disable(MANAGER)), refused('permission'));
    assert.deepEqual(
      whenUser(given, disable(ADMIN)).map((e) => e.type),
      ['UserDisabled'],
    );
    assert.throws(
      () => whenUser(given, disable({ ...ADMIN, actor: 'ann@example.com' })),
      refused('invalid'),
    );
  });
});

const agentContext = (base: CommandContext = AGENT): AgentContext => ({
  ...base,
  statuses: SEEDED_AGENT_STATUSES,
});
const agentAfter = (events: AgentEvent[]) => events.reduce(evolveAgent, NO_AGENT);
const whenAgent = (given: AgentEvent[], command: AgentCommand) =>
  decideAgent(command, agentAfter(given));
const enrolled = (user = 'ann@example.com'): AgentEvent[] =>
  decideAgent(
    { type: 'EnrolAgent', user, userFullName: 'Ann Lee', context: agentContext(ADMIN) },
    NO_AGENT,
  );

describe('HD Agent', () => {
  it('is named by its user, takes the full name, starts Active and stamps the change', () => {
    const state = agentAfter(enrolled());
    assert.equal(state.kind, 'present');
    if (state.kind !== 'present') return;
    assert.equal(state.agent.name, 'ann@example.com');
    assert.equal(state.agent.agent_name, 'Ann Lee');
    assert.equal(state.agent.availability, 'Active');
    assert.equal(state.agent.availability_changed_on, at);
  });

  it('refuses an unknown user, a second enrolment and customers', () => {
    const enrol = (context: AgentContext, userFullName?: string): AgentCommand => ({
      type: 'EnrolAgent',
      user: 'zed@example.com',
      userFullName,
      context,
    });
    assert.throws(() => decideAgent(enrol(agentContext()), NO_AGENT), refused('link'));
    assert.throws(
      () => decideAgent(enrol(agentContext(CUSTOMER), 'Zed'), NO_AGENT),
      refused('permission'),
    );
    assert.throws(
      () =>
        whenAgent(enrolled(), {
          type: 'EnrolAgent',
          user: 'ann@example.com',
          userFullName: 'Ann',
          context: agentContext(),
        }),
      refused('duplicate'),
    );
  });

  it('sets availability only to an enabled status, recording its category', () => {
    const away = whenAgent(enrolled(), {
      type: 'EditAgent',
      changes: { availability: 'Away' },
      context: agentContext(),
    });
    assert.deepEqual(
      away.map((e) => e.type === 'AgentAvailabilityChanged' && e.data.category),
      ['Away'],
    );
    assert.throws(
      () =>
        whenAgent(enrolled(), {
          type: 'EditAgent',
          changes: { availability: 'Sleeping' },
          context: agentContext(),
        }),
      refused('invalid', /^Invalid availability$/),
    );
  });

  it('lets an agent edit only their own record, and only managers (de)activate', () => {
    const bob = { ...AGENT, actor: 'bob@example.com' };
    assert.throws(
      () =>
        whenAgent(enrolled(), {
          type: 'EditAgent',
          changes: { agent_name: 'A' },
          context: agentContext(bob),
        }),
      refused('permission'),
    );
    assert.throws(
      () =>
        whenAgent(enrolled(), {
          type: 'EditAgent',
          changes: { is_active: false },
          context: agentContext(),
        }),
      refused('permission'),
    );
    const events = whenAgent(enrolled(), {
      type: 'EditAgent',
      changes: { is_active: false },
      context: agentContext(MANAGER),
    });
    const state = agentAfter([...enrolled(), ...events]);
    assert.equal(state.kind === 'present' && state.agent.is_active, false);
  });

  it('removal needs a manager and leaves no agent', () => {
    assert.throws(
      () => whenAgent(enrolled(), { type: 'RemoveAgent', context: agentContext() }),
      refused('permission'),
    );
    const events = whenAgent(enrolled(), { type: 'RemoveAgent', context: agentContext(MANAGER) });
    assert.equal(agentAfter([...enrolled(), ...events]).kind, 'absent');
  });
});

const USERS = new Set(['ann@example.com', 'bob@example.com', 'cy@example.com']);
const teamContext = (base: CommandContext = MANAGER): TeamContext => ({
  ...base,
  isUser: (name) => USERS.has(name),
});
const teamAfter = (events: TeamEvent[]) => events.reduce(evolveTeam, NO_TEAM);
const whenTeam = (given: TeamEvent[], command: TeamCommand) =>
  decideTeam(command, teamAfter(given));
const billing = (users = ['ann@example.com', 'bob@example.com']): TeamEvent[] =>
  decideTeam(
    { type: 'CreateTeam', team_name: ' Billing ', users, context: teamContext() },
    NO_TEAM,
  );

describe('HD Team', () => {
  it('is named by its trimmed team name with members once each, in order', () => {
    const state = teamAfter(billing(['bob@example.com', 'ann@example.com', 'bob@example.com']));
    assert.equal(state.kind, 'present');
    if (state.kind !== 'present') return;
    assert.equal(state.team.name, 'Billing');
    assert.deepEqual(state.team.users, ['bob@example.com', 'ann@example.com']);
  });

  it('refuses unknown members, a missing name, a duplicate and plain agents', () => {
    assert.throws(() => billing(['ghost@example.com']), refused('link', /ghost@example.com/));
    assert.throws(
      () =>
        decideTeam(
          { type: 'CreateTeam', team_name: ' ', users: [], context: teamContext() },
          NO_TEAM,
        ),
      refused('mandatory'),
    );
    assert.throws(
      () =>
        whenTeam(billing(), {
          type: 'CreateTeam',
          team_name: 'Billing',
          users: [],
          context: teamContext(),
        }),
      refused('duplicate'),
    );
    assert.throws(
      () =>
        decideTeam(
          { type: 'CreateTeam', team_name: 'X', users: [], context: teamContext(AGENT) },
          NO_TEAM,
        ),
      refused('permission'),
    );
  });

  it('records who joined and who left', () => {
    const [event] = whenTeam(billing(), {
      type: 'EditTeam',
      changes: { users: ['bob@example.com', 'cy@example.com'] },
      context: teamContext(),
    });
    assert.equal(event?.type, 'TeamMembersChanged');
    if (event?.type !== 'TeamMembersChanged') return;
    assert.deepEqual(event.data.added, ['cy@example.com']);
    assert.deepEqual(event.data.removed, ['ann@example.com']);
  });

  it('an unchanged save records nothing; restrictions and disabling are their own events', () => {
    assert.deepEqual(
      whenTeam(billing(), {
        type: 'EditTeam',
        changes: { users: ['ann@example.com', 'bob@example.com'], disabled: false },
        context: teamContext(),
      }),
      [],
    );
    assert.deepEqual(
      whenTeam(billing(), {
        type: 'EditTeam',
        changes: { ignore_restrictions: true, disabled: true },
        context: teamContext(),
      }).map((e) => e.type),
      ['TeamRestrictionsChanged', 'TeamDisabled'],
    );
  });

  it('links its assignment rule once', () => {
    const link: TeamCommand = {
      type: 'LinkTeamAssignmentRule',
      assignment_rule: 'Billing - Support Rotation',
      context: ADMIN,
    };
    const events = whenTeam(billing(), link);
    assert.equal(events.length, 1);
    assert.deepEqual(whenTeam([...billing(), ...events], link), []);
  });
});
