import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DeleteTicket } from '../ticket.commands.js';
import { decide } from '../ticket.decide.js';
import {
  AGENT,
  addComment,
  agent,
  agentReply,
  assertViolation,
  customer,
  customerReply,
  given,
  meta,
  opened,
  update,
} from '../testing/ticket.fixtures.js';

const deleteTicket = (by = agent): DeleteTicket => ({
  type: 'DeleteTicket',
  data: { name: 7 },
  context: by,
});

describe('DeleteTicket', () => {
  it('deletes the ticket', () => {
    assert.deepEqual(decide(deleteTicket(), given([opened()])), [
      { type: 'TicketDeleted', data: meta(AGENT) },
    ]);
  });

  it('is refused to customers', () => {
    assertViolation(
      () => decide(deleteTicket(customer), given([opened()])),
      'forbidden',
      'User not allowed to delete HD Ticket: 7',
    );
  });

  it('makes every later command on the ticket not found', () => {
    const deleted = given([opened(), { type: 'TicketDeleted', data: meta(AGENT) }]);
    assert.equal(deleted.kind, 'deleted');
    for (const command of [
      deleteTicket(),
      update({ subject: 'x' }),
      agentReply(),
      customerReply(),
      addComment('hi'),
    ]) {
      assertViolation(() => decide(command, deleted), 'not-found');
    }
  });

  it('does not let a deleted ticket be opened again', () => {
    const deleted = given([opened(), { type: 'TicketDeleted', data: meta(AGENT) }]);
    const open = {
      type: 'OpenTicket' as const,
      data: { name: 7, subject: 'again' },
      context: {
        ...agent,
        key: 'k-2',
        defaults: {
          status: 'Open',
          statusCategory: 'Open',
          ticketType: 'Unspecified',
          priority: null,
        },
      },
    };
    assertViolation(() => decide(open, deleted), 'already-exists');
  });
});
