import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { accessChangeOf } from './access-changes.js';

const people = (kind: string, name: string, data: Record<string, unknown> = {}) => ({
  type: `helpdesk.people.v1.${kind}`,
  name,
  data,
});

describe('access changes', () => {
  it('reconnects a user whose roles, state, agent record or keys changed', () => {
    for (const kind of [
      'user-roles-changed',
      'user-disabled',
      'user-api-keys-issued',
      'agent-deactivated',
      'agent-removed',
    ]) {
      assert.deepEqual(accessChangeOf(people(kind, 'ann@x')), {
        kind: 'reconnect',
        users: ['ann@x'],
      });
    }
  });

  it('re-checks the members a team lost, and everyone when a team or the restriction changes', () => {
    assert.deepEqual(
      accessChangeOf(
        people('team-members-changed', 'Billing', { users: ['b'], added: ['b'], removed: ['a'] }),
      ),
      { kind: 'recheck', users: ['a'] },
    );
    assert.equal(
      accessChangeOf(
        people('team-members-changed', 'Billing', { users: ['a', 'b'], added: ['b'], removed: [] }),
      ),
      undefined,
    );
    assert.deepEqual(accessChangeOf(people('team-disabled', 'Billing')), {
      kind: 'recheck',
      users: 'everyone',
    });
    assert.deepEqual(
      accessChangeOf({
        type: 'helpdesk.catalogue.v1.settings-changed',
        name: 'HD Settings',
        data: { restrict_tickets_by_agent_group: 1 },
      }),
      { kind: 'recheck', users: 'everyone' },
    );
  });

  it('ignores changes that grant or remove nothing', () => {
    assert.equal(
      accessChangeOf(people('user-profile-changed', 'ann@x', { full_name: 'Ann' })),
      undefined,
    );
    assert.equal(
      accessChangeOf({
        type: 'helpdesk.catalogue.v1.settings-changed',
        name: 'HD Settings',
        data: { brand_name: 'x' },
      }),
      undefined,
    );
  });
});
