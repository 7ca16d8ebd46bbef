import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  emptyTicketFacts,
  evolveTicketFacts,
  type FactChange,
  type TicketFacts,
} from './ticket-facts.js';

const opened: FactChange = {
  ticket: 7,
  version: 1,
  at: '2025-03-03T09:00:00.000Z',
  fields: {
    creation: '2025-03-03T09:00:00.000Z',
    status: 'Open',
    statusCategory: 'Open',
    team: 'Billing',
  },
  touches: true,
};
const resolved: FactChange = {
  ticket: 7,
  version: 3,
  at: '2025-03-04T10:00:00.000Z',
  fields: {
    status: 'Resolved',
    statusCategory: 'Resolved',
    resolutionDate: '2025-03-04T10:00:00.000Z',
  },
  touches: true,
};
const assigned: FactChange = {
  ticket: 7,
  version: 2,
  at: '2025-03-03T09:05:00.000Z',
  fields: { assignees: ['ann@example.com'] },
  touches: false,
};
const given = (...changes: FactChange[]): TicketFacts =>
  changes.reduce(evolveTicketFacts, emptyTicketFacts(7));

describe('a ticket’s dashboard facts', () => {
  it('given its events in order, then each field holds the latest value and the version that set it', () => {
    const facts = given(opened, assigned, resolved);
    assert.equal(facts.status, 'Resolved');
    assert.equal(facts.team, 'Billing');
    assert.deepEqual(facts.assignees, ['ann@example.com']);
    assert.equal(facts.versions.status, 3);
    assert.equal(facts.versions.team, 1);
  });

  it('given an event applied again, then nothing changes (the very same facts)', () => {
    const facts = given(opened, assigned, resolved);
    assert.equal(evolveTicketFacts(facts, resolved), facts);
    assert.equal(evolveTicketFacts(facts, opened), facts);
  });

  it('given the events in any order, then the facts end the same', () => {
    const inOrder = given(opened, assigned, resolved);
    assert.deepEqual(given(resolved, opened, assigned), inOrder);
    assert.deepEqual(given(assigned, resolved, opened), inOrder);
  });

  it('when an older event arrives late, then it does not undo a newer value', () => {
    const facts = given(opened, resolved);
    const stale: FactChange = {
      ...opened,
      version: 2,
      fields: { status: 'Replied', statusCategory: 'Paused' },
    };
    assert.equal(evolveTicketFacts(facts, stale).status, 'Resolved');
  });

  it('moves `modified` only for edits of the document, and never back', () => {
    const facts = given(opened, assigned);
    assert.equal(facts.modified, opened.at);
    assert.equal(
      given(opened, resolved, { ...opened, version: 2, fields: {} }).modified,
      resolved.at,
    );
  });

  it('keeps a deleted ticket deleted', () => {
    const deleted: FactChange = {
      ticket: 7,
      version: 4,
      at: resolved.at,
      fields: { deleted: true },
      touches: false,
    };
    const facts = given(opened, deleted);
    assert.equal(facts.deleted, true);
    assert.equal(
      evolveTicketFacts(facts, { ...deleted, version: 5, fields: { deleted: false } }).deleted,
      true,
    );
  });
});
