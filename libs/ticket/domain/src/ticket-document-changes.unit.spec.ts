import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ticketDocumentChanges } from './ticket-document-changes.js';
import type { TicketEvent } from './ticket.events.js';
import { AGENT, NOW, OPENED_AT, agentReplied, meta, opened } from './testing/ticket.fixtures.js';

const modified = { modified: NOW, modified_by: AGENT };
const by = meta(AGENT);

describe('ticketDocumentChanges', () => {
  it('inserts an opened ticket with its standard fields', () => {
    const event = opened({ openingDate: '2026-11-21', fields: { template: 'Default' } });
    assert.deepEqual(ticketDocumentChanges(event), {
      op: 'insert',
      name: 7,
      fields: {
        template: 'Default',
        name: 7,
        owner: 'jane@customer.com',
        creation: OPENED_AT,
        modified: OPENED_AT,
        modified_by: 'jane@customer.com',
        subject: 'Cannot log in',
        description: '<p>help</p>',
        raised_by: 'jane@customer.com',
        status: 'Open',
        status_category: 'Open',
        priority: 'Medium',
        ticket_type: 'Unspecified',
        agent_group: null,
        contact: null,
        customer: null,
        via_customer_portal: false,
        key: 'k-1',
        opening_date: '2026-11-21',
      },
    });
  });

  it('leaves opening_date to the projection for tickets opened before it was recorded', () => {
    const { openingDate: _, ...older } = opened().data;
    const change = ticketDocumentChanges({ type: 'TicketOpened', data: older });
    assert.equal('opening_date' in change.fields, false);
  });

  const updates: [TicketEvent, Record<string, unknown>][] = [
    [{ type: 'TicketSubjectChanged', data: { ...by, subject: 'S' } }, { subject: 'S' }],
    [
      { type: 'TicketDescriptionChanged', data: { ...by, description: null } },
      { description: null },
    ],
    [
      {
        type: 'TicketStatusChanged',
        data: {
          ...by,
          from: 'Open',
          fromCategory: 'Open',
          to: 'Resolved',
          toCategory: 'Resolved',
          firstRespondedOn: NOW,
          resolutionDate: NOW,
        },
      },
      {
        status: 'Resolved',
        status_category: 'Resolved',
        first_responded_on: NOW,
        resolution_date: NOW,
      },
    ],
    [{ type: 'TicketPriorityChanged', data: { ...by, priority: 'High' } }, { priority: 'High' }],
    [{ type: 'TicketTypeChanged', data: { ...by, ticketType: 'Bug' } }, { ticket_type: 'Bug' }],
    [
      { type: 'TicketTeamChanged', data: { ...by, agentGroup: 'Billing' } },
      { agent_group: 'Billing' },
    ],
    [{ type: 'TicketContactChanged', data: { ...by, contact: 'Jane' } }, { contact: 'Jane' }],
    [{ type: 'TicketCustomerChanged', data: { ...by, customer: 'Acme' } }, { customer: 'Acme' }],
    [
      { type: 'TicketResolutionDetailsChanged', data: { ...by, resolutionDetails: 'r' } },
      { resolution_details: 'r' },
    ],
    [
      {
        type: 'TicketFeedbackGiven',
        data: { ...by, feedback: 'F', feedbackRating: 0.4, feedbackExtra: 'x' },
      },
      { feedback: 'F', feedback_rating: 0.4, feedback_extra: 'x' },
    ],
    [
      {
        type: 'TicketFieldsChanged',
        data: { ...by, fields: { summary: 's', via_customer_portal: true } },
      },
      { summary: 's', via_customer_portal: true },
    ],
    [agentReplied(NOW), { first_responded_on: NOW, last_agent_response: NOW }],
    [
      {
        type: 'CustomerReplied',
        data: {
          ...by,
          communicationId: 'c',
          subject: 'Re: S',
          content: 'c',
          sender: AGENT,
          attachments: [],
          newTicket: false,
        },
      },
      { last_customer_response: NOW },
    ],
  ];
  for (const [event, fields] of updates) {
    it(`updates the document for ${event.type}, with modified and modified_by`, () => {
      assert.deepEqual(ticketDocumentChanges(event), {
        op: 'update',
        name: 7,
        fields: { ...fields, ...modified },
      });
    });
  }

  it('leaves the ticket row alone for comments', () => {
    const events: TicketEvent[] = [
      {
        type: 'CommentAdded',
        data: { ...by, commentId: 'n', content: 'c', mentions: [], attachments: [] },
      },
      {
        type: 'CommentEdited',
        data: { ...by, commentId: 'n', content: 'c', mentions: [], allMentions: [] },
      },
      { type: 'CommentDeleted', data: { ...by, commentId: 'n' } },
    ];
    for (const event of events) {
      assert.deepEqual(ticketDocumentChanges(event), { op: 'none', name: 7, fields: {} });
    }
  });

  it('writes `_assign` as the whole list after an assignment, leaving `modified` alone', () => {
    const events: [TicketEvent, string[]][] = [
      [{ type: 'AgentAssigned', data: { ...by, agent: 'b', assignees: ['a', 'b'] } }, ['a', 'b']],
      [{ type: 'AgentUnassigned', data: { ...by, agent: 'a', assignees: ['b'] } }, ['b']],
    ];
    for (const [event, assignees] of events) {
      assert.deepEqual(ticketDocumentChanges(event), {
        op: 'update',
        name: 7,
        fields: { _assign: assignees },
      });
    }
  });

  it('deletes the row of a deleted ticket', () => {
    assert.deepEqual(ticketDocumentChanges({ type: 'TicketDeleted', data: by }), {
      op: 'delete',
      name: 7,
      fields: {},
    });
  });

  it('ignores an event type this version does not know', () => {
    const future = { type: 'TicketSnoozed', data: by } as unknown as TicketEvent;
    assert.deepEqual(ticketDocumentChanges(future), { op: 'none', name: 7, fields: {} });
  });
});
