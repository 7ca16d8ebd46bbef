import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TicketAudienceV1 } from '@helpdesk/ticket-contracts';
import { mayRead, readerRooms } from './ticket-readers.js';

const audience: TicketAudienceV1 = {
  ticket: 1,
  exists: true,
  everyAgent: false,
  agents: ['Administrator', 'alice@x'],
  assignees: [],
  customers: ['carol@c'],
};

describe('ticket readers', () => {
  it('admits listed agents and customers, and nobody else under restriction', () => {
    assert.equal(mayRead(audience, { user: 'alice@x', roles: ['Agent'] }), true);
    assert.equal(mayRead(audience, { user: 'carol@c', roles: ['Customer'] }), true);
    assert.equal(mayRead(audience, { user: 'dave@y', roles: ['Agent'] }), false);
    assert.equal(mayRead(audience, { user: 'erin@c', roles: ['Customer'] }), false);
  });

  it('admits every agent but no other customer when teams do not restrict the ticket', () => {
    const open = { ...audience, everyAgent: true };
    assert.equal(mayRead(open, { user: 'dave@y', roles: ['Agent'] }), true);
    assert.equal(mayRead(open, { user: 'erin@c', roles: [] }), false);
  });

  it('a customer listed by name is not admitted as an agent, nor an agent by a customer listing', () => {
    assert.equal(mayRead(audience, { user: 'alice@x', roles: [] }), false);
    assert.equal(mayRead(audience, { user: 'carol@c', roles: ['Agent'] }), false);
  });

  it('admits nobody to a ticket that does not exist', () => {
    const gone = { ...audience, exists: false };
    assert.equal(mayRead(gone, { user: 'Administrator', roles: ['Administrator'] }), false);
    assert.deepEqual(readerRooms(gone, { internal: false }), []);
  });

  it('leaves customers out of internal rooms', () => {
    assert.deepEqual(readerRooms(audience, { internal: true }), [
      'user:Administrator',
      'user:alice@x',
    ]);
    assert.ok(readerRooms(audience, { internal: false }).includes('user:carol@c'));
  });
});
