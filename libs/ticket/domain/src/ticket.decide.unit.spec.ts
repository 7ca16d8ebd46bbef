import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decide } from './ticket.decide.js';
import { assertViolation, given, lookups } from './testing/ticket.fixtures.js';
import { OPEN_DEFAULTS, openTicket, openedData } from './testing/ticket.fixtures.js';

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
    const data = openedData(
      openTicket(
        {
          raisedBy: 'jane@customer.com',
          priority: 'High',
          ticketType: 'Bug',
          description: '<p>help</p>',
          agentGroup: 'Billing',
          viaCustomerPortal: true,
        },
        { actorIsAgent: true },
      ),
    );
    assert.equal(data.raisedBy, 'jane@customer.com');
    assert.equal(data.priority, 'High');
    assert.equal(data.ticketType, 'Bug');
    assert.equal(data.description, '<p>help</p>');
    assert.equal(data.agentGroup, 'Billing');
    assert.equal(data.viaCustomerPortal, true);
  });

  it('always starts in the default status and its category', () => {
    const settings = { ...OPEN_DEFAULTS, status: 'New', statusCategory: 'Open' };
    const data = openedData(openTicket({}, { defaults: settings }));
    assert.equal(data.status, 'New');
    assert.equal(data.statusCategory, 'Open');
  });

  it('takes the status category from the catalogue when it is given', () => {
    const settings = { ...OPEN_DEFAULTS, status: 'Replied', statusCategory: 'Open' };
    assert.equal(
      openedData(openTicket({}, { defaults: settings, lookups })).statusCategory,
      'Paused',
    );
  });

  it("takes the type's priority when none is given, before the settings default", () => {
    const withDefault = { ...OPEN_DEFAULTS, priority: 'Medium' };
    const bug = openedData(openTicket({ ticketType: 'Bug' }, { defaults: withDefault, lookups }));
    assert.equal(bug.priority, 'High');
    const question = openedData(
      openTicket({ ticketType: 'Question' }, { defaults: withDefault, lookups }),
    );
    assert.equal(question.priority, 'Medium');
    const given = openedData(
      openTicket({ ticketType: 'Bug', priority: 'Low' }, { defaults: withDefault, lookups }),
    );
    assert.equal(given.priority, 'Low');
  });

  it('uses the default type when none (or a blank one) is given', () => {
    assert.equal(openedData(openTicket({ ticketType: '  ' })).ticketType, 'Unspecified');
  });

  it('records the opening date and other plain fields when given', () => {
    const data = openedData(
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
