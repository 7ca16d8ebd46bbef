import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { MarkSeen } from '../ticket.commands.js';
import { decide } from '../ticket.decide.js';
import { ticketDocumentChanges } from '../ticket-document-changes.js';
import type { ExistingTicket } from '../ticket.state.js';
import {
  AGENT,
  CUSTOMER,
  assertViolation,
  given,
  meta,
  now,
  opened,
} from '../testing/ticket.fixtures.js';

const seen = (actor: string): MarkSeen => ({
  type: 'MarkSeen',
  data: { name: 7 },
  context: { actor, now },
});

describe('MarkSeen', () => {
  it('given a ticket nobody has opened, when an agent opens it, then it is seen by them', () => {
    assert.deepEqual(decide(seen(AGENT), given([opened()])), [
      { type: 'TicketSeen', data: { ...meta(AGENT), seenBy: [AGENT] } },
    ]);
  });

  it('given a ticket the agent has seen, when they open it again, then nothing is recorded', () => {
    const history = [opened(), ...decide(seen(AGENT), given([opened()]))];
    assert.deepEqual(decide(seen(AGENT), given(history)), []);
  });

  it('given a ticket seen by the agent, when the customer opens it, then both have seen it', () => {
    const history = [opened(), ...decide(seen(AGENT), given([opened()]))];
    const [event] = decide(seen(CUSTOMER), given(history));
    assert.deepEqual(event?.type === 'TicketSeen' && event.data.seenBy, [AGENT, CUSTOMER]);
    const ticket = given([...history, event!]) as ExistingTicket;
    assert.deepEqual(ticket.seenBy, [AGENT, CUSTOMER]);
  });

  it('writes `_seen` without moving `modified`, so an open form can still be saved', () => {
    const [event] = decide(seen(AGENT), given([opened()]));
    assert.deepEqual(ticketDocumentChanges(event!), {
      op: 'update',
      name: 7,
      fields: { _seen: [AGENT] },
    });
    const before = given([opened()]) as ExistingTicket;
    const after = given([opened(), event!]) as ExistingTicket;
    assert.equal(after.modified, before.modified);
  });

  it('refuses a ticket that does not exist', () => {
    assertViolation(() => decide(seen(AGENT), given([])), 'not-found', 'HD Ticket 7 not found');
  });
});
