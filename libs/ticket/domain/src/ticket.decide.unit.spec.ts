import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decide } from './ticket.decide.js';
import type { OpenTicket } from './ticket.commands.js';
import type { TicketOpened } from './ticket.events.js';
import { assertViolation, given, lookups } from './testing/ticket.fixtures.js';

const now = new Date('2026-11-21T10:00:00.000Z');
const defaults = {
  status: 'Open',
  statusCategory: 'Open',
  ticketType: 'Unspecified',
  priority: null,
};

function openTicket(
  data: Partial<OpenTicket['data']> = {},
  context: Partial<OpenTicket['context']> = {},
): OpenTicket {
  return {
    type: 'OpenTicket',
    data: { name: 7, subject: 'Cannot log in', ...data },
    context: { actor: 'agent@example.com', now, key: 'k-1', defaults, ...context },
  };
}

function opened(command: OpenTicket): TicketOpened['data'] {
  const [event] = decide(command, given([]));
  assert.equal(event?.type, 'TicketOpened');
  return (event as TicketOpened).data;
}

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
          agentGroup: null,
          contact: null,
          customer: null,
        },
      },
    ]);
  });

  it('keeps the given raiser, priority, type, description, team and portal flag', () => {
    const data = opened(
      openTicket({
        raisedBy: 'jane@customer.com',
        priority: 'High',
        ticketType: 'Bug',
        description: '<p>help</p>',
        agentGroup: 'Billing',
        viaCustomerPortal: true,
      }),
    );
    assert.equal(data.raisedBy, 'jane@customer.com');
    assert.equal(data.priority, 'High');
    assert.equal(data.ticketType, 'Bug');
    assert.equal(data.description, '<p>help</p>');
    assert.equal(data.agentGroup, 'Billing');
    assert.equal(data.viaCustomerPortal, true);
  });

  it('always starts in the default status and its category', () => {
    const settings = { ...defaults, status: 'New', statusCategory: 'Open' };
    const data = opened(openTicket({}, { defaults: settings }));
    assert.equal(data.status, 'New');
    assert.equal(data.statusCategory, 'Open');
  });

  it('takes the status category from the catalogue when it is given', () => {
    const settings = { ...defaults, status: 'Replied', statusCategory: 'Open' };
    assert.equal(opened(openTicket({}, { defaults: settings, lookups })).statusCategory, 'Paused');
  });

  it("takes the type's priority when none is given, before the settings default", () => {
    const withDefault = { ...defaults, priority: 'Medium' };
    const bug = opened(openTicket({ ticketType: 'Bug' }, { defaults: withDefault, lookups }));
    assert.equal(bug.priority, 'High');
    const question = opened(
      openTicket({ ticketType: 'Question' }, { defaults: withDefault, lookups }),
    );
    assert.equal(question.priority, 'Medium');
    const given = opened(
      openTicket({ ticketType: 'Bug', priority: 'Low' }, { defaults: withDefault, lookups }),
    );
    assert.equal(given.priority, 'Low');
  });

  it('uses the default type when none (or a blank one) is given', () => {
    assert.equal(opened(openTicket({ ticketType: '  ' })).ticketType, 'Unspecified');
  });

  it('records the opening date and other plain fields when given', () => {
    const data = opened(
      openTicket(
        { fields: { template: 'Default', summary: '', email_account: 'Support' } },
        { openingDate: '2026-11-21' },
      ),
    );
    assert.equal(data.openingDate, '2026-11-21');
    assert.deepEqual(data.fields, { template: 'Default', email_account: 'Support' });
  });

  it('refuses unknown types, priorities and teams when the catalogue is given', () => {
    assertViolation(
      () => decide(openTicket({ ticketType: 'Nope' }, { lookups }), given([])),
      'invalid',
      'Could not find Ticket Type: Nope',
    );
    assertViolation(
      () => decide(openTicket({ priority: 'Whenever' }, { lookups }), given([])),
      'invalid',
      'Could not find Priority: Whenever',
    );
    assertViolation(
      () => decide(openTicket({ agentGroup: 'Nobody' }, { lookups }), given([])),
      'invalid',
      'Could not find Team: Nobody',
    );
  });

  it('refuses a blank subject as a missing mandatory field', () => {
    assertViolation(() => decide(openTicket({ subject: '   ' }), given([])), 'mandatory');
  });

  it('refuses to open a ticket that already exists', () => {
    const history = decide(openTicket(), given([]));
    assertViolation(() => decide(openTicket(), given(history)), 'already-exists');
  });

  it('evolves an opened ticket into an existing ticket', () => {
    const state = given(decide(openTicket({ priority: 'Low' }), given([])));
    assert.equal(state.kind, 'existing');
    assert.equal(state.kind === 'existing' && state.priority, 'Low');
  });
});
