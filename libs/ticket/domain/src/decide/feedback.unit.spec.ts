import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decide } from '../ticket.decide.js';
import type { TicketEvent } from '../ticket.events.js';
import {
  CUSTOMER,
  agentReplied,
  assertViolation,
  customer,
  given,
  meta,
  opened,
  settings,
  update,
} from '../testing/ticket.fixtures.js';

const portalTicket = opened({ viaCustomerPortal: true });
const replied = given([portalTicket, agentReplied()]);
const mustRate = 'Ticket must be resolved with a feedback';

function feedbackOf(events: TicketEvent[]) {
  return events.find((event) => event.type === 'TicketFeedbackGiven')?.data;
}

describe('TicketFeedbackGiven', () => {
  it("copies the option's rating, with the extra text", () => {
    const events = decide(
      update(
        { status: 'Closed', feedback: 'Exceptional support experience', feedback_extra: 'Thanks!' },
        customer,
      ),
      replied,
    );
    assert.deepEqual(
      events.map((event) => event.type),
      ['TicketStatusChanged', 'TicketFeedbackGiven'],
    );
    assert.deepEqual(feedbackOf(events), {
      ...meta(CUSTOMER),
      feedback: 'Exceptional support experience',
      feedbackRating: 1,
      feedbackExtra: 'Thanks!',
    });
  });

  it('takes a rating as sent when no option is set (email feedback)', () => {
    const events = decide(update({ feedback_rating: '0.8', feedback_extra: 'ok' }), replied);
    assert.deepEqual(feedbackOf(events), {
      ...meta('agent@example.com'),
      feedback: null,
      feedbackRating: 0.8,
      feedbackExtra: 'ok',
    });
  });

  it("ignores a rating sent on its own while an option is set: the option's rating wins", () => {
    const rated = given([
      opened(),
      {
        type: 'TicketFeedbackGiven',
        data: {
          ...meta(CUSTOMER),
          feedback: 'Response did not help',
          feedbackRating: 0.2,
          feedbackExtra: null,
        },
      },
    ]);
    assert.deepEqual(decide(update({ feedback_rating: 1 }), rated), []);
  });

  it('produces no event for the same feedback again', () => {
    const rated = given([
      opened(),
      {
        type: 'TicketFeedbackGiven',
        data: {
          ...meta(CUSTOMER),
          feedback: 'Response did not help',
          feedbackRating: 0.2,
          feedbackExtra: 'slow',
        },
      },
    ]);
    const same = { feedback: 'Response did not help', feedback_extra: 'slow' };
    assert.deepEqual(decide(update(same), rated), []);
  });
});

describe('Feedback is mandatory to resolve', () => {
  it('refuses a customer resolving without feedback once an agent has replied', () => {
    assertViolation(
      () => decide(update({ status: 'Closed' }, customer), replied),
      'invalid',
      mustRate,
    );
  });

  it('accepts a customer closing with feedback in the same update', () => {
    const events = decide(
      update({ status: 'Closed', feedback: 'Response did not help' }, customer),
      replied,
    );
    assert.equal(events.length, 2);
  });

  it('does not ask agents for feedback', () => {
    assert.equal(decide(update({ status: 'Closed' }), replied).length, 1);
  });

  it('does not ask for feedback before any agent replied', () => {
    assert.equal(decide(update({ status: 'Closed' }, customer), given([portalTicket])).length, 1);
  });

  it('does not ask for feedback when the setting is off', () => {
    const optional = { ...customer, settings: { ...settings, isFeedbackMandatory: false } };
    assert.equal(decide(update({ status: 'Closed' }, optional), replied).length, 1);
  });

  it('does not apply to statuses outside the Resolved category', () => {
    assert.equal(decide(update({ status: 'Replied' }, customer), replied).length, 1);
  });

  it('applies to any save of a resolved ticket left unrated, and counts a zero rating as none', () => {
    const resolved = given([
      opened(),
      agentReplied(),
      {
        type: 'TicketStatusChanged',
        data: {
          ...meta('agent@example.com'),
          from: 'Open',
          fromCategory: 'Open',
          to: 'Resolved',
          toCategory: 'Resolved',
          firstRespondedOn: null,
          resolutionDate: null,
        },
      },
    ]);
    assertViolation(
      () => decide(update({ summary: 'x' }, customer), resolved),
      'invalid',
      mustRate,
    );
    assertViolation(
      () => decide(update({ feedback_rating: 0 }, customer), resolved),
      'invalid',
      mustRate,
    );
  });
});
