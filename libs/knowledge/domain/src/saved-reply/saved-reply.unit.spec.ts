import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { KnowledgeRefusal } from '../knowledge-refusal.js';
import {
  decideCreateSavedReply,
  decideReviseSavedReply,
  evolveSavedReply,
  initialSavedReplyState,
  type SavedReply,
} from './saved-reply.js';
import { canUseSavedReply } from './saved-reply-visibility.js';

const ACTOR = { user: 'agent@example.com', now: '2026-11-21T10:00:00.000Z' };
const OPEN = { globalScopeDisabled: false, restrictedByTeam: false };
const reply = (scope: SavedReply['scope'], teams: string[] = []) => ({
  owner: 'owner@example.com',
  scope,
  teams,
});
const agent = (teams: string[] = []) => ({ user: 'agent@example.com', isManager: false, teams });
const manager = { user: 'boss@example.com', isManager: true, teams: [] };

describe('HD Saved Reply decisions', () => {
  it('is named by its title, Global by default, owned by its maker', () => {
    const [created] = decideCreateSavedReply(
      initialSavedReplyState,
      { title: 'Thanks', message: 'Hi {{ first_name }}' },
      ACTOR,
    );
    assert.deepEqual(created?.type === 'SavedReplyCreated' && created.data.reply, {
      name: 'Thanks',
      title: 'Thanks',
      message: 'Hi {{ first_name }}',
      scope: 'Global',
      teams: [],
      owner: ACTOR.user,
    });
  });

  it('a Team reply needs a team, on creation and on a later save', () => {
    assert.throws(
      () =>
        decideCreateSavedReply(
          initialSavedReplyState,
          { title: 'T', message: 'm', scope: 'Team' },
          ACTOR,
        ),
      (error: unknown) => error instanceof KnowledgeRefusal && error.kind === 'MandatoryError',
    );
    const state = decideCreateSavedReply(
      initialSavedReplyState,
      { title: 'T', message: 'm', scope: 'Team', teams: ['Billing'] },
      ACTOR,
    ).reduce(evolveSavedReply, initialSavedReplyState);
    assert.throws(() => decideReviseSavedReply(state, { teams: [] }, ACTOR), KnowledgeRefusal);
  });
});

describe('who may use a saved reply (hd_saved_reply permissions)', () => {
  it('Personal: the owner only, not even a manager', () => {
    assert.equal(canUseSavedReply(reply('Personal'), agent(), OPEN), false);
    assert.equal(canUseSavedReply(reply('Personal'), manager, OPEN), false);
    assert.equal(
      canUseSavedReply(reply('Personal'), { ...agent(), user: 'owner@example.com' }, OPEN),
      true,
    );
  });

  it('Global: everyone unless the setting disables it for non-managers', () => {
    assert.equal(canUseSavedReply(reply('Global'), agent(), OPEN), true);
    const disabled = { ...OPEN, globalScopeDisabled: true };
    assert.equal(canUseSavedReply(reply('Global'), agent(), disabled), false);
    assert.equal(canUseSavedReply(reply('Global'), manager, disabled), true);
  });

  it('Team: everyone while unrestricted, then only members of one of its teams', () => {
    const restricted = { ...OPEN, restrictedByTeam: true };
    assert.equal(canUseSavedReply(reply('Team', ['Billing']), agent(), OPEN), true);
    assert.equal(canUseSavedReply(reply('Team', ['Billing']), agent(['Sales']), restricted), false);
    assert.equal(
      canUseSavedReply(reply('Team', ['Billing']), agent(['Sales', 'Billing']), restricted),
      true,
    );
  });
});
