import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { WEEK, later, seededCalendar } from '@helpdesk/shared-working-time/testing';
import { slaOutcome } from './sla-outcome.js';
import {
  at,
  given,
  holdTimeSet,
  moveTo,
  opened,
  replied,
  termsFor,
} from './testing/ticket-facts.fixtures.js';

const MONDAY_NOON = at(WEEK.Mon, '12:00');
const nextMonday = later('Mon', 7);

describe('slaOutcome: deadlines', () => {
  it('counts both deadlines from the SLA creation time (Mon 11:00 High → 12:00 / 15:00)', () => {
    const outcome = slaOutcome(termsFor('High'), given(opened(at(WEEK.Mon, '11:00'))), MONDAY_NOON);
    assert.deepEqual(outcome.responseBy, at(WEEK.Mon, '12:00'));
    assert.deepEqual(outcome.resolutionBy, at(WEEK.Mon, '15:00'));
    assert.equal(outcome.totalHoldTime, 0);
  });

  it('adds a hold time set by hand to the resolution budget (Thu 15:00 Urgent, 3600 / 3601 s)', () => {
    const created = at(WEEK.Thu, '15:00');
    const held = (seconds: number) =>
      slaOutcome(
        termsFor('Urgent'),
        given(opened(created), holdTimeSet(seconds, created)),
        created,
      );
    assert.deepEqual(held(3600).resolutionBy, at(WEEK.Thu, '18:00'));
    assert.deepEqual(held(3601).resolutionBy, at(WEEK.Fri, '10:00:01'));
    assert.deepEqual(held(3601).responseBy, at(WEEK.Thu, '15:30'), 'response_by never moves');
  });

  it('moves resolution_by later by exactly the paused working time, once the pause ends', () => {
    // Mon 12:00 High, Replied 12:30, Open 13:00: resolution_by 16:00 → 16:30.
    const paused = given(opened(MONDAY_NOON), moveTo('Replied', at(WEEK.Mon, '12:30')));
    assert.deepEqual(
      slaOutcome(termsFor('High'), paused, at(WEEK.Mon, '12:45')).resolutionBy,
      at(WEEK.Mon, '16:00'),
    );
    const resumed = given(
      opened(MONDAY_NOON),
      moveTo('Replied', at(WEEK.Mon, '12:30')),
      moveTo('Open', at(WEEK.Mon, '13:00')),
    );
    const outcome = slaOutcome(termsFor('High'), resumed, at(WEEK.Mon, '13:00'));
    assert.deepEqual(outcome.resolutionBy, at(WEEK.Mon, '16:30'));
    assert.equal(outcome.totalHoldTime, 1800);
    assert.equal(outcome.agreementStatus, 'Resolution Due');
  });

  it('has no resolution deadline when the SLA does not apply to resolution', () => {
    const terms = termsFor('High', { applySlaForResolution: false });
    const ticket = given(opened(MONDAY_NOON), replied(at(WEEK.Mon, '12:10')));
    const outcome = slaOutcome(terms, ticket, at(later('Mon', 30), '12:00'));
    assert.equal(outcome.resolutionBy, null);
    assert.equal(outcome.agreementStatus, 'Fulfilled');
    assert.equal(outcome.failsAt, null);
  });
});

describe('slaOutcome: first response', () => {
  it('measures the first response even when a reply set it without a status change', () => {
    const ticket = given(opened(at(WEEK.Mon, '17:30')), replied(at(WEEK.Tue, '10:15')));
    const outcome = slaOutcome(termsFor('High'), ticket, at(WEEK.Tue, '10:15'));
    assert.equal(outcome.firstResponseTime, 45 * 60);
    assert.equal(outcome.firstResponseFailedBy, null);
  });

  it('records by how many working seconds a late first response missed response_by', () => {
    // Urgent at Mon 10:00 (response_by 10:30), reply and Replied at 10:39: 9 minutes late.
    const ticket = given(
      opened(at(WEEK.Mon, '10:00')),
      replied(at(WEEK.Mon, '10:39')),
      moveTo('Replied', at(WEEK.Mon, '10:39')),
    );
    const outcome = slaOutcome(termsFor('Urgent'), ticket, at(WEEK.Mon, '10:39'));
    assert.equal(outcome.firstResponseTime, 39 * 60);
    assert.equal(outcome.firstResponseFailedBy, 9 * 60);
    assert.equal(outcome.agreementStatus, 'Failed');
  });

  it('is not late when answered after hours but before the next morning’s deadline', () => {
    // Urgent at Mon 17:55 → response_by Tue 10:25; the reply comes Mon 18:05.
    const ticket = given(opened(at(WEEK.Mon, '17:55')), moveTo('Replied', at(WEEK.Mon, '18:05')));
    const outcome = slaOutcome(termsFor('Urgent'), ticket, at(WEEK.Mon, '18:05'));
    assert.deepEqual(outcome.responseBy, at(WEEK.Tue, '10:25'));
    assert.equal(outcome.firstResponseFailedBy, null);
    assert.equal(outcome.firstResponseTime, 5 * 60);
  });
});

describe('slaOutcome: resolution and hold (§1.7)', () => {
  it('Paused → Resolved: resolution_time includes the last pause, which then joins the hold total', () => {
    // Created Mon 12:00 High, Replied 12:30, Resolved 13:00.
    const ticket = given(
      opened(MONDAY_NOON),
      moveTo('Replied', at(WEEK.Mon, '12:30')),
      moveTo('Resolved', at(WEEK.Mon, '13:00')),
    );
    const outcome = slaOutcome(termsFor('High'), ticket, at(WEEK.Mon, '13:00'));
    assert.equal(outcome.resolutionTime, 3600);
    assert.equal(outcome.totalHoldTime, 1800);
    assert.deepEqual(outcome.resolutionDate, at(WEEK.Mon, '13:00'));
    assert.equal(outcome.onHoldSince, null);
    assert.equal(outcome.agreementStatus, 'Fulfilled');
  });

  it('subtracts earlier pauses from resolution_time (Mon 12:00 High, paused 12:30–13:00, Resolved 13:30)', () => {
    const ticket = given(
      opened(MONDAY_NOON),
      moveTo('Replied', at(WEEK.Mon, '12:30')),
      moveTo('Open', at(WEEK.Mon, '13:00')),
      moveTo('Resolved', at(WEEK.Mon, '13:30')),
    );
    const outcome = slaOutcome(termsFor('High'), ticket, at(WEEK.Mon, '13:30'));
    assert.equal(outcome.resolutionTime, 3600);
    assert.equal(outcome.agreementStatus, 'Fulfilled');
  });

  it('holds only working time, across a holiday (Thu 17:30 High, paused 17:50 to Mon 12:30)', () => {
    const terms = termsFor('High', { calendar: seededCalendar('Europe/Berlin', [WEEK.Fri]) });
    const ticket = given(
      opened(at(WEEK.Thu, '17:30')),
      moveTo('Replied', at(WEEK.Thu, '17:50')),
      moveTo('Open', at(nextMonday, '12:30')),
      moveTo('Resolved', at(nextMonday, '13:00')),
    );
    const outcome = slaOutcome(terms, ticket, at(nextMonday, '13:00'));
    assert.equal(outcome.totalHoldTime, 10 * 60 + 150 * 60);
    assert.equal(outcome.resolutionTime, 3 * 3600 + 30 * 60 - outcome.totalHoldTime);
    assert.equal(outcome.agreementStatus, 'Fulfilled');
  });

  it('adds the time spent resolved as hold when the ticket is reopened', () => {
    const ticket = given(
      opened(at(WEEK.Mon, '10:00')),
      moveTo('Resolved', at(WEEK.Mon, '11:00')),
      moveTo('Open', at(WEEK.Mon, '12:00')),
    );
    const outcome = slaOutcome(termsFor('High'), ticket, at(WEEK.Mon, '12:00'));
    assert.equal(outcome.totalHoldTime, 3600);
    assert.deepEqual(outcome.resolutionBy, at(WEEK.Mon, '15:00'));
    assert.equal(outcome.resolutionDate, null);
    assert.equal(outcome.resolutionTime, null);
    assert.equal(outcome.agreementStatus, 'Resolution Due');
  });

  it('keeps resolution_time when a resolved ticket is closed the next day', () => {
    const ticket = given(
      opened(MONDAY_NOON),
      moveTo('Resolved', at(WEEK.Mon, '12:30')),
      moveTo('Closed', at(WEEK.Tue, '12:00')),
    );
    const outcome = slaOutcome(termsFor('High'), ticket, at(WEEK.Tue, '12:00'));
    assert.equal(outcome.resolutionTime, 1800);
    assert.deepEqual(outcome.resolutionDate, at(WEEK.Mon, '12:30'));
  });

  it('records by how much a late resolution missed resolution_by', () => {
    // Urgent at Mon 10:00, resolved at 12:15: resolution_by 12:00, response_by 10:30.
    const ticket = given(opened(at(WEEK.Mon, '10:00')), moveTo('Resolved', at(WEEK.Mon, '12:15')));
    const outcome = slaOutcome(termsFor('Urgent'), ticket, at(WEEK.Mon, '12:15'));
    assert.equal(outcome.resolutionFailedBy, 15 * 60);
    assert.equal(
      outcome.firstResponseFailedBy,
      105 * 60,
      'resolving counted as the first response',
    );
    assert.equal(outcome.agreementStatus, 'Failed');
  });

  it('measures a late resolution against the deadline as the pause that ended it extended it', () => {
    // Urgent at Mon 10:00, Replied 10:10, Resolved 12:30: the pause moves resolution_by to 14:20.
    const ticket = given(
      opened(at(WEEK.Mon, '10:00')),
      moveTo('Replied', at(WEEK.Mon, '10:10')),
      moveTo('Resolved', at(WEEK.Mon, '12:30')),
    );
    const outcome = slaOutcome(termsFor('Urgent'), ticket, at(WEEK.Mon, '12:30'));
    assert.deepEqual(outcome.resolutionBy, at(WEEK.Mon, '14:20'));
    assert.equal(outcome.resolutionTime, 9000);
    assert.equal(outcome.resolutionFailedBy, null);
    assert.equal(outcome.agreementStatus, 'Fulfilled');
  });
});
