import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PeopleRuleViolation, type PeopleViolationKind } from './agent-rule-violation.js';
import type { CommandContext } from './command-context.js';
import { SEEDED_AGENT_STATUSES, type AgentStatus } from './hd-agent-status/agent-status.js';
import type {
  AgentStatusCommand,
  AgentStatusContext,
  AgentStatusInput,
} from './hd-agent-status/agent-status.commands.js';
import { decideAgentStatus } from './hd-agent-status/agent-status.decide.js';
import type { AgentStatusEvent } from './hd-agent-status/agent-status.events.js';
import { evolveAgentStatus } from './hd-agent-status/agent-status.evolve.js';
import { NO_AGENT_STATUS, type AgentStatusState } from './hd-agent-status/agent-status.state.js';

const at = '2026-11-21T10:00:00.000Z';
const MANAGER: CommandContext = { actor: 'lead@example.com', roles: ['Agent Manager'], at };
const SYSTEM_MANAGER: CommandContext = { actor: 'sys@example.com', roles: ['System Manager'], at };
const AGENT: CommandContext = { actor: 'ann@example.com', roles: ['Agent'], at };

const refused = (kind: PeopleViolationKind, message?: RegExp) => (error: unknown) =>
  error instanceof PeopleRuleViolation &&
  error.kind === kind &&
  (message === undefined || message.test(error.message));

const context = (
  base: CommandContext = MANAGER,
  statuses: readonly AgentStatus[] = SEEDED_AGENT_STATUSES,
  agentInStatus?: string,
): AgentStatusContext => ({ ...base, statuses, agentInStatus });

const after = (events: AgentStatusEvent[]): AgentStatusState =>
  events.reduce(evolveAgentStatus, NO_AGENT_STATUS);
const when = (given: AgentStatusEvent[], command: AgentStatusCommand) =>
  decideAgentStatus(command, after(given));

function created(
  agent_status: string,
  fields: AgentStatusInput,
  ctx = context(),
): AgentStatusEvent[] {
  return decideAgentStatus(
    { type: 'CreateAgentStatus', agent_status, fields, context: ctx },
    NO_AGENT_STATUS,
  );
}

const edit = (changes: AgentStatusInput, ctx = context()): AgentStatusCommand => ({
  type: 'EditAgentStatus',
  changes,
  context: ctx,
});
const remove = (ctx = context()): AgentStatusCommand => ({
  type: 'RemoveAgentStatus',
  context: ctx,
});

/** The catalogue with `extra` added, as the application would pass it in. */
const withStatus = (...extra: AgentStatus[]) => [...SEEDED_AGENT_STATUSES, ...extra];
const onlyActive = (name: string): AgentStatus[] => [
  { agent_status: name, category: 'Active', color: 'Green', status_order: 10, enable: true },
  { agent_status: 'Away', category: 'Away', color: 'Amber', status_order: 20, enable: true },
];

describe('HD Agent Status', () => {
  it('is named by its agent_status, enabled and ordered 0 unless told, and stamps the change', () => {
    const state = after(created(' Lunch ', { category: 'Away' }));
    assert.equal(state.kind, 'present');
    if (state.kind !== 'present') return;
    assert.deepEqual(state.status, {
      name: 'Lunch',
      agent_status: 'Lunch',
      category: 'Away',
      color: null,
      status_order: 0,
      enable: true,
      creation: at,
      modified: at,
      modified_by: MANAGER.actor,
      owner: MANAGER.actor,
    });
  });

  it('takes color, order and enable as given', () => {
    const [event] = created('Focus', {
      category: 'Unavailable',
      color: 'Violet',
      status_order: 40,
      enable: false,
    });
    assert.deepEqual(event?.type === 'AgentStatusCreated' && event.data, {
      at,
      by: MANAGER.actor,
      agent_status: 'Focus',
      category: 'Unavailable',
      color: 'Violet',
      status_order: 40,
      enable: false,
    });
  });

  it('needs a name and a known category, a known color and a whole order', () => {
    assert.throws(() => created('  ', { category: 'Away' }), refused('mandatory', /agent_status/));
    assert.throws(() => created('Lunch', {}), refused('mandatory', /category/));
    assert.throws(() => created('Lunch', { category: 'Asleep' }), refused('invalid', /Category/));
    assert.throws(
      () => created('Lunch', { category: 'Away', color: 'Mauve' }),
      refused('invalid', /Color cannot be "Mauve"/),
    );
    assert.throws(
      () => created('Lunch', { category: 'Away', status_order: 1.5 }),
      refused('invalid', /Status Order/),
    );
  });

  it('is kept by Agent Managers and System Managers only', () => {
    assert.equal(created('Lunch', { category: 'Away' }, context(SYSTEM_MANAGER)).length, 1);
    assert.throws(
      () => created('Lunch', { category: 'Away' }, context(AGENT)),
      refused('permission', /HD Agent Status/),
    );
    const lunch = created('Lunch', { category: 'Away' });
    assert.throws(() => when(lunch, edit({ color: 'Red' }, context(AGENT))), refused('permission'));
    assert.throws(() => when(lunch, remove(context(AGENT))), refused('permission'));
  });

  it('refuses a second status of the same name, and changes to one that does not exist', () => {
    const lunch = created('Lunch', { category: 'Away' });
    assert.throws(
      () =>
        when(lunch, {
          type: 'CreateAgentStatus',
          agent_status: 'Lunch',
          fields: { category: 'Away' },
          context: context(),
        }),
      refused('duplicate', /HD Agent Status Lunch already exists/),
    );
    assert.throws(() => when([], edit({ color: 'Red' })), refused('not-found'));
    assert.throws(() => when([], remove()), refused('not-found'));
  });

  it('records only what changed, and nothing when nothing did', () => {
    const lunch = created('Lunch', { category: 'Away', color: 'Amber', status_order: 5 });
    const events = when(lunch, edit({ category: 'Away', color: 'Red', status_order: 5 }));
    assert.deepEqual(events, [
      { type: 'AgentStatusChanged', data: { at, by: MANAGER.actor, changes: { color: 'Red' } } },
    ]);
    assert.deepEqual(when(lunch, edit({ category: 'Away', enable: true })), []);
    const state = after([...lunch, ...events]);
    assert.equal(state.kind === 'present' && state.status.color, 'Red');
  });

  it('keeps at least one enabled Active status: no disabling, moving or deleting the last one', () => {
    const active = created('Here', { category: 'Active' }, context(MANAGER, []));
    const alone = context(MANAGER, onlyActive('Here'));
    const required = refused('invalid', /^At least one enabled Active status is required\.$/);
    assert.throws(() => when(active, edit({ enable: false }, alone)), required);
    assert.throws(() => when(active, edit({ category: 'Away' }, alone)), required);
    assert.throws(() => when(active, remove(alone)), required);

    const another = context(
      MANAGER,
      withStatus({
        agent_status: 'Here',
        category: 'Active',
        color: null,
        status_order: 0,
        enable: true,
      }),
    );
    assert.equal(when(active, edit({ enable: false }, another)).length, 1);
    assert.equal(when(active, remove(another)).map((e) => e.type)[0], 'AgentStatusRemoved');
  });

  it('lets a non-Active status go whatever else exists', () => {
    const away = created('Lunch', { category: 'Away' });
    assert.equal(
      when(away, edit({ enable: false }, context(MANAGER, onlyActive('Here')))).length,
      1,
    );
    assert.equal(when(away, remove(context(MANAGER, onlyActive('Here')))).length, 1);
  });

  it('refuses to delete a status an agent is in, naming the agent', () => {
    const lunch = created('Lunch', { category: 'Away' });
    assert.throws(
      () => when(lunch, remove(context(MANAGER, SEEDED_AGENT_STATUSES, 'ann@example.com'))),
      refused(
        'link-exists',
        /^Cannot delete or cancel because HD Agent Status Lunch is linked with HD Agent ann@example\.com$/,
      ),
    );
  });

  it('is gone once removed and can be created again', () => {
    const lunch = created('Lunch', { category: 'Away' });
    const removed = [...lunch, ...when(lunch, remove())];
    assert.equal(after(removed).kind, 'absent');
    const again = when(removed, {
      type: 'CreateAgentStatus',
      agent_status: 'Lunch',
      fields: { category: 'Unavailable' },
      context: context(),
    });
    const state = after([...removed, ...again]);
    assert.equal(state.kind === 'present' && state.status.category, 'Unavailable');
  });
});
