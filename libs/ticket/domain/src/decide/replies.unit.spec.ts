import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TicketStatusChanged } from '../events/field.events.js';
import { decide } from '../ticket.decide.js';
import type { TicketEvent } from '../ticket.events.js';
import {
  AGENT,
  CUSTOMER,
  NOW,
  OPENED_AT,
  agentReplied,
  agentReply,
  assertViolation,
  customer,
  customerReply,
  given,
  meta,
  opened,
  statusChanged,
} from '../testing/ticket.fixtures.js';

const types = (events: TicketEvent[]) => events.map((event) => event.type);
const statusEvent = (events: TicketEvent[]) =>
  events.find((event): event is TicketStatusChanged => event.type === 'TicketStatusChanged')?.data;

describe('ReplyAsAgent', () => {
  it('records the message and makes it the first response', () => {
    const events = decide(
      agentReply({ to: CUSTOMER, cc: '', attachments: ['f-1'], emailAccount: 'Support' }),
      given([opened()]),
    );
    assert.deepEqual(events, [
      {
        type: 'AgentReplied',
        data: {
          ...meta(AGENT),
          communicationId: 'c-1',
          subject: 'Re: Cannot log in',
          content: '<p>Fixed</p>',
          sender: AGENT,
          recipients: CUSTOMER,
          cc: null,
          bcc: null,
          emailAccount: 'Support',
          attachments: ['f-1'],
          firstRespondedOn: NOW,
        },
      },
    ]);
  });

  it('keeps an earlier first response', () => {
    const [event] = decide(
      agentReply({ sender: 'support@example.com' }),
      given([opened(), agentReplied()]),
    );
    assert.equal(event?.type === 'AgentReplied' && event.data.firstRespondedOn, OPENED_AT);
    assert.equal(event?.type === 'AgentReplied' && event.data.sender, 'support@example.com');
  });

  it('moves the ticket to update_status_to when auto_update_status is on', () => {
    const settings = { autoUpdateStatus: true, updateStatusTo: 'Replied' };
    const events = decide(agentReply({}, { settings }), given([opened()]));
    assert.deepEqual(types(events), ['AgentReplied', 'TicketStatusChanged']);
    assert.deepEqual(statusEvent(events), {
      ...meta(AGENT),
      from: 'Open',
      fromCategory: 'Open',
      to: 'Replied',
      toCategory: 'Paused',
      firstRespondedOn: NOW,
      resolutionDate: null,
    });
  });

  it('leaves the status alone when auto_update_status is off or it is already that status', () => {
    const off = { autoUpdateStatus: false, updateStatusTo: 'Replied' };
    assert.deepEqual(types(decide(agentReply({}, { settings: off }), given([opened()]))), [
      'AgentReplied',
    ]);
    const on = { autoUpdateStatus: true, updateStatusTo: 'Open' };
    assert.deepEqual(types(decide(agentReply({}, { settings: on }), given([opened()]))), [
      'AgentReplied',
    ]);
  });

  it('refuses an auto status the catalogue does not know', () => {
    const settings = { autoUpdateStatus: true, updateStatusTo: 'Gone' };
    assertViolation(() => decide(agentReply({}, { settings }), given([opened()])), 'invalid');
  });

  it('gives a ticket without description the message as its description', () => {
    const events = decide(agentReply(), given([opened({ description: null })]));
    assert.deepEqual(events[1], {
      type: 'TicketDescriptionChanged',
      data: { ...meta(AGENT), description: '<p>Fixed</p>' },
    });
  });

  it('refuses non-agents', () => {
    assertViolation(
      () => decide(agentReply({}, customer), given([opened()])),
      'forbidden',
      'You are not permitted to reply as an agent',
    );
  });

  it('refuses a reply on an unknown ticket', () => {
    assertViolation(() => decide(agentReply(), given([])), 'not-found');
  });
});

describe('ReplyAsCustomer', () => {
  it('records the message; an open ticket nobody answered stays in the default status', () => {
    const events = decide(customerReply({ attachments: ['f-2'] }), given([opened()]));
    assert.deepEqual(events, [
      {
        type: 'CustomerReplied',
        data: {
          ...meta(CUSTOMER),
          communicationId: 'c-2',
          subject: 'Re: Cannot log in',
          content: '<p>Still broken</p>',
          sender: CUSTOMER,
          attachments: ['f-2'],
          newTicket: false,
        },
      },
    ]);
  });

  it('reopens with the reopen status once an agent has replied', () => {
    const history = given([opened(), agentReplied(), statusChanged('Replied', 'Paused')]);
    const status = statusEvent(decide(customerReply(), history));
    assert.equal(status?.from, 'Replied');
    assert.equal(status?.to, 'Reopened');
    assert.equal(status?.toCategory, 'Open');
  });

  it('goes back to the default open status when no agent has replied', () => {
    const history = given([opened(), statusChanged('Resolved', 'Resolved')]);
    const status = statusEvent(decide(customerReply(), history));
    assert.equal(status?.to, 'Open');
    assert.equal(status?.resolutionDate, null);
  });

  it('does not move a ticket already in the target status', () => {
    const history = given([opened(), agentReplied(), statusChanged('Reopened', 'Open')]);
    assert.deepEqual(types(decide(customerReply(), history)), ['CustomerReplied']);
  });

  it("only records a new ticket's description", () => {
    const history = given([opened({ status: 'Triage' })]);
    const events = decide(customerReply({ newTicket: true, message: '<p>help</p>' }), history);
    assert.deepEqual(types(events), ['CustomerReplied']);
    assert.equal(events[0]?.type === 'CustomerReplied' && events[0].data.newTicket, true);
  });

  it('gives a ticket without description the message as its description', () => {
    const events = decide(customerReply(), given([opened({ description: null })]));
    assert.deepEqual(types(events), ['CustomerReplied', 'TicketDescriptionChanged']);
  });

  it('refuses a customer reply on a closed portal ticket', () => {
    const closed = given([
      opened({ viaCustomerPortal: true }),
      statusChanged('Closed', 'Resolved'),
    ]);
    assertViolation(
      () => decide(customerReply(), closed),
      'forbidden',
      'Closed or rated tickets cannot be updated by non-agents',
    );
  });
});
