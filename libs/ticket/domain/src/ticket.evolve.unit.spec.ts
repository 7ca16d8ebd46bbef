import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TicketEvent } from './ticket.events.js';
import { evolve } from './ticket.evolve.js';
import { initialTicketState, type ExistingTicket } from './ticket.state.js';
import { AGENT, NOW, agentReplied, given, meta, opened } from './testing/ticket.fixtures.js';

const by = meta(AGENT);

function existing(events: TicketEvent[]): ExistingTicket {
  const state = given(events);
  assert.equal(state.kind, 'existing');
  return state as ExistingTicket;
}

describe('evolve', () => {
  it('starts an opened ticket with no replies, feedback or comments', () => {
    const ticket = existing([opened()]);
    assert.equal(ticket.agentHasReplied, false);
    assert.equal(ticket.firstRespondedOn, null);
    assert.equal(ticket.feedback, null);
    assert.equal(ticket.comments.size, 0);
  });

  it('folds every document change into the state', () => {
    const ticket = existing([
      opened({ fields: { template: 'Default' } }),
      { type: 'TicketSubjectChanged', data: { ...by, subject: 'S' } },
      { type: 'TicketDescriptionChanged', data: { ...by, description: 'D' } },
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
      { type: 'TicketPriorityChanged', data: { ...by, priority: 'High' } },
      { type: 'TicketTypeChanged', data: { ...by, ticketType: 'Bug' } },
      { type: 'TicketTeamChanged', data: { ...by, agentGroup: 'Billing' } },
      { type: 'TicketContactChanged', data: { ...by, contact: 'Jane' } },
      { type: 'TicketCustomerChanged', data: { ...by, customer: 'Acme' } },
      { type: 'TicketResolutionDetailsChanged', data: { ...by, resolutionDetails: 'R' } },
      {
        type: 'TicketFeedbackGiven',
        data: { ...by, feedback: 'F', feedbackRating: 0.6, feedbackExtra: 'x' },
      },
      {
        type: 'TicketFieldsChanged',
        data: {
          ...by,
          fields: { raised_by: 'new@x.com', via_customer_portal: true, summary: 's' },
        },
      },
      agentReplied(),
    ]);
    assert.deepEqual(
      {
        subject: ticket.subject,
        description: ticket.description,
        status: ticket.status,
        statusCategory: ticket.statusCategory,
        firstRespondedOn: ticket.firstRespondedOn,
        resolutionDate: ticket.resolutionDate,
        priority: ticket.priority,
        ticketType: ticket.ticketType,
        agentGroup: ticket.agentGroup,
        contact: ticket.contact,
        customer: ticket.customer,
        resolutionDetails: ticket.resolutionDetails,
        feedback: [ticket.feedback, ticket.feedbackRating, ticket.feedbackExtra],
        raisedBy: ticket.raisedBy,
        viaCustomerPortal: ticket.viaCustomerPortal,
        fields: ticket.fields,
        agentHasReplied: ticket.agentHasReplied,
      },
      {
        subject: 'S',
        description: 'D',
        status: 'Resolved',
        statusCategory: 'Resolved',
        firstRespondedOn: '2026-11-21T10:00:00.000Z',
        resolutionDate: NOW,
        priority: 'High',
        ticketType: 'Bug',
        agentGroup: 'Billing',
        contact: 'Jane',
        customer: 'Acme',
        resolutionDetails: 'R',
        feedback: ['F', 0.6, 'x'],
        raisedBy: 'new@x.com',
        viaCustomerPortal: true,
        fields: { template: 'Default', summary: 's' },
        agentHasReplied: true,
      },
    );
  });

  it('tracks comment authors and mentions, keeping the author through edits', () => {
    const ticket = existing([
      opened(),
      {
        type: 'CommentAdded',
        data: { ...by, commentId: 'n-1', content: 'c', mentions: ['a'], attachments: [] },
      },
      {
        type: 'CommentEdited',
        data: {
          ...meta('boss@x.com'),
          commentId: 'n-1',
          content: 'c2',
          mentions: ['b'],
          allMentions: ['a', 'b'],
        },
      },
      {
        type: 'CommentAdded',
        data: { ...by, commentId: 'n-2', content: 'c', mentions: [], attachments: [] },
      },
      { type: 'CommentDeleted', data: { ...by, commentId: 'n-2' } },
    ]);
    assert.deepEqual(
      [...ticket.comments],
      [
        [
          'n-1',
          { author: AGENT, at: NOW, mentions: ['a', 'b'], pinned: false, reactions: new Map() },
        ],
      ],
    );
  });

  it('remembers `modified` as the document shows it: moved by changes, not by comments', () => {
    assert.equal(existing([opened()]).modified, '2026-11-21T10:00:00.000Z');
    const changed = existing([
      opened(),
      { type: 'TicketSubjectChanged', data: { ...by, subject: 'S' } },
      {
        type: 'CommentAdded',
        data: {
          ...meta(AGENT, '2026-11-21T12:00:00.000Z'),
          commentId: 'n-1',
          content: 'c',
          mentions: [],
          attachments: [],
        },
      },
    ]);
    assert.equal(changed.modified, NOW);
  });

  it('keeps only the name of a deleted ticket', () => {
    assert.deepEqual(given([opened(), { type: 'TicketDeleted', data: by }]), {
      kind: 'deleted',
      name: 7,
    });
  });

  it('ignores events for a ticket that does not exist and event types it does not know', () => {
    const subject: TicketEvent = { type: 'TicketSubjectChanged', data: { ...by, subject: 'S' } };
    assert.equal(evolve(initialTicketState, subject), initialTicketState);
    const ticket = existing([opened()]);
    const future = { type: 'TicketSnoozed', data: by } as unknown as TicketEvent;
    assert.equal(evolve(ticket, future), ticket);
  });
});
