import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { WEEK } from '@helpdesk/shared-working-time/testing';
import { slaOutcome } from './sla-outcome.js';
import { at, given, moveTo, opened, replied, termsFor } from './testing/ticket-facts.fixtures.js';

// Urgent at Mon 10:00: response_by 10:30, resolution_by 12:00.
const created = at(WEEK.Mon, '10:00');
const urgent = termsFor('Urgent');
const second = (instant: Date, seconds: number) => new Date(instant.getTime() + seconds * 1000);
const statusOf = (ticket: ReturnType<typeof given>, now: Date) =>
  slaOutcome(urgent, ticket, now).agreementStatus;

describe('agreement status (§1.8), first matching rule wins', () => {
  it('1. Failed once response_by passes without a first response, not at response_by itself', () => {
    const ticket = given(opened(created));
    assert.equal(statusOf(ticket, at(WEEK.Mon, '10:30')), 'First Response Due');
    assert.equal(statusOf(ticket, second(at(WEEK.Mon, '10:30'), 1)), 'Failed');
  });

  it('1. Failed for good when the first response came after response_by', () => {
    const ticket = given(opened(created), replied(at(WEEK.Mon, '10:31')));
    assert.equal(statusOf(ticket, at(WEEK.Mon, '10:31')), 'Failed');
    const resolved = given(
      opened(created),
      replied(at(WEEK.Mon, '10:31')),
      moveTo('Resolved', at(WEEK.Mon, '11:00')),
    );
    assert.equal(statusOf(resolved, at(WEEK.Tue, '11:00')), 'Failed');
  });

  it('1. Failed once resolution_by passes unresolved, or when resolved after it', () => {
    const answered = given(opened(created), replied(at(WEEK.Mon, '10:10')));
    assert.equal(statusOf(answered, at(WEEK.Mon, '12:00')), 'Resolution Due');
    assert.equal(statusOf(answered, at(WEEK.Mon, '12:01')), 'Failed');
    const lateResolved = given(
      opened(created),
      replied(at(WEEK.Mon, '10:10')),
      moveTo('Resolved', at(WEEK.Mon, '12:01')),
    );
    assert.equal(statusOf(lateResolved, at(WEEK.Mon, '12:01')), 'Failed');
  });

  it('1. Failed even while paused: a pause does not extend resolution_by until it ends', () => {
    const paused = given(opened(created), moveTo('Replied', at(WEEK.Mon, '10:10')));
    assert.equal(statusOf(paused, at(WEEK.Mon, '12:00')), 'Paused');
    assert.equal(statusOf(paused, at(WEEK.Mon, '12:01')), 'Failed');
  });

  it('2. Paused while on hold', () => {
    const paused = given(opened(created), moveTo('Replied', at(WEEK.Mon, '10:10')));
    assert.equal(statusOf(paused, at(WEEK.Mon, '10:20')), 'Paused');
  });

  it('3. First Response Due until the first response', () => {
    assert.equal(statusOf(given(opened(created)), at(WEEK.Mon, '10:05')), 'First Response Due');
  });

  it('4. Resolution Due after the first response until resolved', () => {
    const ticket = given(
      opened(created),
      moveTo('Replied', at(WEEK.Mon, '10:10')),
      moveTo('Open', at(WEEK.Mon, '10:20')),
    );
    assert.equal(statusOf(ticket, at(WEEK.Mon, '10:20')), 'Resolution Due');
  });

  it('5. Fulfilled when resolved within both deadlines, and stays so', () => {
    const ticket = given(opened(created), moveTo('Resolved', at(WEEK.Mon, '10:10')));
    assert.equal(statusOf(ticket, at(WEEK.Mon, '10:10')), 'Fulfilled');
    assert.equal(statusOf(ticket, at(WEEK.Fri, '10:10')), 'Fulfilled');
  });

  it('walks First Response Due → Paused → Resolution Due → Fulfilled as the statuses move', () => {
    const steps = [
      opened(created),
      moveTo('Replied', at(WEEK.Mon, '10:05')),
      moveTo('Open', at(WEEK.Mon, '10:15')),
      moveTo('Resolved', at(WEEK.Mon, '10:25')),
    ];
    const seen = steps.map((_, count) =>
      statusOf(given(...steps.slice(0, count + 1)), at(WEEK.Mon, '10:25')),
    );
    assert.deepEqual(seen, ['First Response Due', 'Paused', 'Resolution Due', 'Fulfilled']);
  });
});

describe('failsAt', () => {
  const failsAt = (ticket: ReturnType<typeof given>, now: Date) =>
    slaOutcome(urgent, ticket, now).failsAt;

  it('is response_by while no first response has been given', () => {
    assert.deepEqual(failsAt(given(opened(created)), created), at(WEEK.Mon, '10:30'));
  });

  it('is resolution_by once answered, also while paused', () => {
    const answered = given(opened(created), replied(at(WEEK.Mon, '10:10')));
    assert.deepEqual(failsAt(answered, at(WEEK.Mon, '10:10')), at(WEEK.Mon, '12:00'));
    const paused = given(opened(created), moveTo('Replied', at(WEEK.Mon, '10:10')));
    assert.deepEqual(failsAt(paused, at(WEEK.Mon, '10:10')), at(WEEK.Mon, '12:00'));
  });

  it('is the earlier deadline for a ticket paused before any response', () => {
    const onHold = given(opened(created), {
      type: 'status-changed',
      at: at(WEEK.Mon, '10:05'),
      status: 'On Hold',
      category: 'Paused',
      firstRespondedOn: null,
      resolutionDate: null,
    });
    assert.deepEqual(failsAt(onHold, at(WEEK.Mon, '10:05')), at(WEEK.Mon, '10:30'));
  });

  it('is null once nothing is left to miss, or the ticket has failed already', () => {
    const resolved = given(opened(created), moveTo('Resolved', at(WEEK.Mon, '10:10')));
    assert.equal(failsAt(resolved, at(WEEK.Mon, '10:10')), null);
    assert.equal(failsAt(given(opened(created)), at(WEEK.Mon, '10:31')), null);
  });
});
