import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decide } from '../ticket.decide.js';
import {
  AGENT,
  CUSTOMER,
  assertViolation,
  given,
  meta,
  opened,
  update,
} from '../testing/ticket.fixtures.js';

const ticket = given([opened()]);
const by = meta(AGENT);

describe('UpdateTicket: one specific event per kind of change', () => {
  it('records each changed field as its own event, in a stable order', () => {
    const events = decide(
      update({
        subject: 'Login broken',
        description: '<p>more</p>',
        ticket_type: 'Bug',
        priority: 'Urgent',
        agent_group: 'Billing',
        contact: 'Jane',
        customer: 'Acme',
        resolution_details: '<p>reset</p>',
        summary: 'short',
      }),
      ticket,
    );
    assert.deepEqual(events, [
      { type: 'TicketSubjectChanged', data: { ...by, subject: 'Login broken' } },
      { type: 'TicketDescriptionChanged', data: { ...by, description: '<p>more</p>' } },
      { type: 'TicketTypeChanged', data: { ...by, ticketType: 'Bug' } },
      { type: 'TicketPriorityChanged', data: { ...by, priority: 'Urgent' } },
      { type: 'TicketTeamChanged', data: { ...by, agentGroup: 'Billing' } },
      { type: 'TicketContactChanged', data: { ...by, contact: 'Jane' } },
      { type: 'TicketCustomerChanged', data: { ...by, customer: 'Acme' } },
      {
        type: 'TicketResolutionDetailsChanged',
        data: { ...by, resolutionDetails: '<p>reset</p>' },
      },
      { type: 'TicketFieldsChanged', data: { ...by, fields: { summary: 'short' } } },
    ]);
  });

  it('produces no event when every value stays the same', () => {
    const events = decide(
      update({
        subject: 'Cannot log in',
        description: '<p>help</p>',
        status: 'Open',
        priority: 'Medium',
        ticket_type: 'Unspecified',
        agent_group: '',
        contact: null,
        raised_by: CUSTOMER,
        via_customer_portal: 0,
        feedback_extra: '',
      }),
      ticket,
    );
    assert.deepEqual(events, []);
  });

  it('clears a team with an empty value', () => {
    const state = given([opened({ agentGroup: 'Billing' })]);
    assert.deepEqual(decide(update({ agent_group: '' }), state), [
      { type: 'TicketTeamChanged', data: { ...by, agentGroup: null } },
    ]);
  });

  it('puts the remaining plain fields in one TicketFieldsChanged, normalised', () => {
    const events = decide(
      update({ template: 'Default', via_customer_portal: '1', email_account: 'Support' }),
      ticket,
    );
    assert.deepEqual(events, [
      {
        type: 'TicketFieldsChanged',
        data: {
          ...by,
          fields: { template: 'Default', via_customer_portal: true, email_account: 'Support' },
        },
      },
    ]);
  });

  it('given a portal customer, when they change who raised their ticket, then it is forbidden', () => {
    const customer = { actor: CUSTOMER, actorIsAgent: false };
    assertViolation(
      () => decide(update({ raised_by: 'someone@else.com' }, customer), ticket),
      'forbidden',
      'Only agents can change who raised a ticket.',
    );
    assert.deepEqual(decide(update({ raised_by: CUSTOMER }, customer), ticket), []);
  });

  it('sets an emptied raised_by to the caller', () => {
    assert.deepEqual(decide(update({ raised_by: '' }), ticket), [
      { type: 'TicketFieldsChanged', data: { ...by, fields: { raised_by: AGENT } } },
    ]);
  });

  it('trims the subject and refuses an empty one', () => {
    assert.deepEqual(decide(update({ subject: '  Cannot log in ' }), ticket), []);
    assertViolation(() => decide(update({ subject: ' ' }), ticket), 'mandatory');
  });

  it('ignores fields the ticket computes itself and unknown fields', () => {
    const events = decide(
      update({
        status_category: 'Paused',
        first_responded_on: '2026-01-01 00:00:00',
        agreement_status: 'Failed',
        sla: 'Default',
        no_such_field: 1,
        doctype: 'HD Ticket',
        name: '7',
        key: 'k-1',
      }),
      ticket,
    );
    assert.deepEqual(events, []);
  });
});

describe('UpdateTicket: defaults and catalogue', () => {
  it("gives an emptied priority the type's priority, else the settings default", () => {
    const bug = given([opened({ ticketType: 'Bug', priority: 'Low' })]);
    assert.deepEqual(decide(update({ priority: '' }), bug), [
      { type: 'TicketPriorityChanged', data: { ...by, priority: 'High' } },
    ]);
    const plain = given([opened({ priority: 'Low' })]);
    assert.deepEqual(decide(update({ priority: null }), plain), [
      { type: 'TicketPriorityChanged', data: { ...by, priority: 'Medium' } },
    ]);
  });

  it("keeps a set priority when only the type changes, uses the new type's when both are cleared", () => {
    assert.deepEqual(decide(update({ ticket_type: 'Incident' }), ticket), [
      { type: 'TicketTypeChanged', data: { ...by, ticketType: 'Incident' } },
    ]);
    assert.deepEqual(decide(update({ ticket_type: 'Incident', priority: '' }), ticket), [
      { type: 'TicketTypeChanged', data: { ...by, ticketType: 'Incident' } },
      { type: 'TicketPriorityChanged', data: { ...by, priority: 'Urgent' } },
    ]);
  });

  it('gives an emptied type the settings default', () => {
    const bug = given([opened({ ticketType: 'Bug' })]);
    assert.deepEqual(decide(update({ ticket_type: '' }), bug), [
      { type: 'TicketTypeChanged', data: { ...by, ticketType: 'Unspecified' } },
    ]);
  });

  it('refuses statuses, priorities, types and teams the catalogue does not know', () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ status: 'Pending' }, 'Could not find Status: Pending'],
      [{ priority: 'Whenever' }, 'Could not find Priority: Whenever'],
      [{ ticket_type: 'Chat' }, 'Could not find Ticket Type: Chat'],
      [{ agent_group: 'Nobody' }, 'Could not find Team: Nobody'],
      [{ feedback: 'Meh' }, 'Could not find Feedback (Option): Meh'],
    ];
    for (const [changes, message] of cases) {
      assertViolation(() => decide(update(changes), ticket), 'invalid', message);
    }
  });

  it('refuses an empty status', () => {
    assertViolation(() => decide(update({ status: '' }), ticket), 'mandatory');
  });

  it('refuses values of the wrong shape', () => {
    assertViolation(() => decide(update({ subject: { a: 1 } }), ticket), 'invalid');
    assertViolation(() => decide(update({ via_customer_portal: 'yes' }), ticket), 'invalid');
    assertViolation(() => decide(update({ feedback_rating: 5 }), ticket), 'invalid');
  });
});
