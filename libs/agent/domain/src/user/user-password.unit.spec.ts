import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PeopleRuleViolation } from '../agent-rule-violation.js';
import type { CommandContext } from '../command-context.js';
import { decideUser } from './user.decide.js';
import type { UserEvent } from './user.events.js';
import { evolveUser } from './user.evolve.js';
import { NO_USER } from './user.state.js';

const at = '2026-11-21T10:00:00.000Z';
const ADMIN: CommandContext = { actor: 'Administrator', roles: ['Administrator'], at };
const SYSTEM_MANAGER: CommandContext = { actor: 'sm@example.com', roles: ['System Manager'], at };
const MANAGER: CommandContext = { actor: 'lead@example.com', roles: ['Agent Manager'], at };
const CAT: CommandContext = { actor: 'cat@customer.com', roles: ['HD Customer'], at };

const given = (...events: UserEvent[]) => events.reduce(evolveUser, NO_USER);
const cat = decideUser(
  { type: 'RegisterUser', email: 'cat@customer.com', roles: ['HD Customer'], context: ADMIN },
  NO_USER,
);
const administrator = decideUser({ type: 'RegisterAdministrator', context: ADMIN }, NO_USER);
const setBy = (context: CommandContext) =>
  ({ type: 'SetUserPassword', password_hash: 'scrypt$hash', context }) as const;
const notPermitted = (error: unknown) =>
  error instanceof PeopleRuleViolation && error.kind === 'permission';

describe('User password', () => {
  it('a user sets their own password; only the hash is recorded, with when', () => {
    const events = decideUser(setBy(CAT), given(...cat));
    assert.deepEqual(events, [
      {
        type: 'UserPasswordSet',
        data: { at, by: 'cat@customer.com', password_hash: 'scrypt$hash' },
      },
    ]);
    const state = given(...cat, ...events);
    assert.equal(state.kind === 'present' && state.user.password_hash, 'scrypt$hash');
    assert.equal(state.kind === 'present' && state.user.password_set_at, at);
  });

  it("a System Manager sets another user's password; an Agent Manager may not", () => {
    assert.equal(decideUser(setBy(SYSTEM_MANAGER), given(...cat)).length, 1);
    assert.throws(() => decideUser(setBy(MANAGER), given(...cat)), notPermitted);
  });

  it("nobody but Administrator sets Administrator's password", () => {
    assert.throws(() => decideUser(setBy(SYSTEM_MANAGER), given(...administrator)), notPermitted);
    assert.equal(decideUser(setBy(ADMIN), given(...administrator)).length, 1);
  });

  it('a disabled user gets no password', () => {
    const disabled: UserEvent = { type: 'UserDisabled', data: { at, by: 'Administrator' } };
    assert.throws(
      () => decideUser(setBy(ADMIN), given(...cat, disabled)),
      (error: unknown) => error instanceof PeopleRuleViolation && error.kind === 'invalid',
    );
  });
});
