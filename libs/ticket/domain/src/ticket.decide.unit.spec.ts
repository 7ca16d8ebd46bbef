import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { OpenTicket } from './ticket.commands.js';
import { decide } from './ticket.decide.js';
import type { TicketEvent } from './ticket.events.js';
import { evolve } from './ticket.evolve.js';
import { TicketRuleViolation } from './ticket-rule-violation.js';
import { initialTicketState, type TicketState } from './ticket.state.js';

const now = new Date('2026-11-21T10:00:00.000Z');
const defaults = {
  status: 'Open',
  statusCategory: 'Open',
  ticketType: 'Unspecified',
  priority: null,
};

function openTicket(data: Partial<OpenTicket['data']> = {}): OpenTicket {
  return {
    type: 'OpenTicket',
    data: { name: 7, subject: 'Cannot log in', ...data },
    context: { actor: 'agent@example.com', now, key: 'k-1', defaults },
  };
}

const given = (events: TicketEvent[]): TicketState => events.reduce(evolve, initialTicketState);

describe('ticket decide: OpenTicket', () => {
  it('opens a ticket with the default status, type and the caller as raiser', () => {
    const events = decide(openTicket(), given([]));
    assert.deepEqual(events, [
      {
        type: 'TicketOpened',
        data: {
          name: 7,
          subject: 'Cannot log in',
          description: null,
          raisedBy: 'agent@example.com',
          status: 'Open',
          statusCategory: 'Open',
          priority: null,
          ticketType: 'Unspecified',
          viaCustomerPortal: false,
          key: 'k-1',
          openedBy: 'agent@example.com',
          openedAt: '2026-11-21T10:00:00.000Z',
        },
      },
    ]);
  });

  it('keeps the given raiser, priority, type and description', () => {
    const [event] = decide(
      openTicket({
        raisedBy: 'jane@customer.com',
        priority: 'High',
        ticketType: 'Bug',
        description: '<p>help</p>',
      }),
      given([]),
    );
    assert.equal(event?.data.raisedBy, 'jane@customer.com');
    assert.equal(event?.data.priority, 'High');
    assert.equal(event?.data.ticketType, 'Bug');
    assert.equal(event?.data.description, '<p>help</p>');
  });

  it('refuses a blank subject as a missing mandatory field', () => {
    assert.throws(
      () => decide(openTicket({ subject: '   ' }), given([])),
      (error: unknown) =>
        error instanceof TicketRuleViolation &&
        error.kind === 'mandatory' &&
        error.fields.includes('subject'),
    );
  });

  it('refuses to open a ticket that already exists', () => {
    const history = decide(openTicket(), given([]));
    assert.throws(
      () => decide(openTicket(), given(history)),
      (error: unknown) => error instanceof TicketRuleViolation && error.kind === 'already-exists',
    );
  });

  it('evolves an opened ticket into open state', () => {
    const state = given(decide(openTicket({ priority: 'Low' }), given([])));
    assert.equal(state.kind, 'open');
    assert.equal(state.kind === 'open' && state.priority, 'Low');
  });
});
