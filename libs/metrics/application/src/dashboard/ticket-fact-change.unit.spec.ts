import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TicketEventV1 } from '@helpdesk/ticket-contracts';
import { factChangeOf } from './ticket-fact-change.js';

const event = (type: string, data: Record<string, unknown>, ticketVersion = 2): TicketEventV1 =>
  ({
    id: `e-${type}`,
    type: `helpdesk.ticket.v1.${type}`,
    ticket: 9,
    ticketVersion,
    occurredAt: '2025-03-03T09:00:00.000Z',
    actor: 'ann@example.com',
    correlationId: null,
    data,
  }) as TicketEventV1;

describe('what a ticket event tells the dashboards', () => {
  it('given an opening, then its creation and the fields it was opened with', () => {
    const change = factChangeOf(
      event(
        'opened',
        {
          subject: 'Printer',
          status: 'Open',
          status_category: 'Open',
          priority: 'High',
          ticket_type: 'Bug',
          agent_group: null,
          customer: 'Acme',
          contact: 'jo@acme.example',
          via_customer_portal: true,
        },
        1,
      ),
    );
    assert.equal(change.version, 1);
    assert.deepEqual(change.fields, {
      creation: '2025-03-03T09:00:00.000Z',
      subject: 'Printer',
      status: 'Open',
      statusCategory: 'Open',
      priority: 'High',
      ticketType: 'Bug',
      team: null,
      customer: 'Acme',
      contact: 'jo@acme.example',
      viaCustomerPortal: true,
    });
  });

  it('given a status change, then the status with its category and the response and resolution dates after it', () => {
    const change = factChangeOf(
      event('status-changed', {
        from: 'Open',
        to: 'Resolved',
        to_category: 'Resolved',
        first_responded_on: null,
        resolution_date: '2025-03-04T09:00:00.000Z',
      }),
    );
    assert.deepEqual(change.fields, {
      status: 'Resolved',
      statusCategory: 'Resolved',
      firstRespondedOn: null,
      resolutionDate: '2025-03-04T09:00:00.000Z',
    });
  });

  it('given an SLA reckoning, then only the fields it changed; it is not an edit of the ticket', () => {
    const change = factChangeOf(
      event('sla-applied', {
        based_on: 3,
        fields: { agreement_status: 'Fulfilled', resolution_time: 7200, response_by: null },
      }),
    );
    assert.deepEqual(change.fields, {
      agreementStatus: 'Fulfilled',
      responseBy: null,
      resolutionTime: 7200,
    });
    assert.equal(change.touches, false);
  });

  it('given assignment, feedback and deletion, then `_assign`, the rating and the deletion', () => {
    assert.deepEqual(
      factChangeOf(event('agent-assigned', { agent: 'a', assignees: ['a', 'b'] })).fields,
      {
        assignees: ['a', 'b'],
      },
    );
    assert.deepEqual(
      factChangeOf(
        event('feedback-given', { feedback: 'Good', feedback_rating: 0.8, feedback_extra: null }),
      ).fields,
      { feedback: 'Good', feedbackRating: 0.8, feedbackExtra: null },
    );
    assert.deepEqual(factChangeOf(event('deleted', {})).fields, { deleted: true });
  });

  it('given an event the dashboards do not read, then nothing, though a comment leaves `modified` alone', () => {
    const change = factChangeOf(event('comment-added', { comment_id: 'x' }));
    assert.deepEqual(change.fields, {});
    assert.equal(change.touches, false);
    assert.equal(factChangeOf(event('subject-changed', { subject: 'New' })).touches, true);
  });
});
