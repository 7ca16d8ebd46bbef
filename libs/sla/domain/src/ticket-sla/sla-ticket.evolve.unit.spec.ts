import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { WEEK } from '@helpdesk/shared-working-time/testing';
import { evolveSlaTicket } from './sla-ticket.evolve.js';
import { SlaTicketFactError, initialSlaTicketState } from './sla-ticket.state.js';
import {
  at,
  given,
  holdTimeSet,
  moveTo,
  opened,
  replied,
} from './testing/ticket-facts.fixtures.js';

const created = at(WEEK.Mon, '10:00');
const iso = (date: string, time: string) => at(date, time).toISOString();

describe('evolveSlaTicket', () => {
  it('starts the clock at the SLA creation time, with nothing held, answered or resolved', () => {
    assert.deepEqual(given(opened(created)), {
      slaCreation: created.toISOString(),
      status: 'Open',
      category: 'Open',
      firstRespondedOn: null,
      onHoldSince: null,
      resolutionDate: null,
      holdTime: { setSeconds: 0, periods: [] },
      holdTimeAtResolution: null,
    });
  });

  it('refuses any fact before the ticket was opened', () => {
    assert.throws(
      () => evolveSlaTicket(initialSlaTicketState, replied(created)),
      SlaTicketFactError,
    );
  });

  it('keeps the first response it saw first', () => {
    const ticket = given(
      opened(created),
      replied(at(WEEK.Mon, '10:20')),
      replied(at(WEEK.Mon, '10:40')),
      moveTo('Replied', at(WEEK.Mon, '11:00')),
    );
    assert.equal(ticket.firstRespondedOn, iso(WEEK.Mon, '10:20'));
  });

  it('puts the ticket on hold when it enters a Paused status, and clears its resolution', () => {
    const ticket = given(
      opened(created),
      moveTo('Resolved', at(WEEK.Mon, '11:00')),
      moveTo('Replied', at(WEEK.Mon, '12:00')),
    );
    assert.equal(ticket.onHoldSince, iso(WEEK.Mon, '12:00'));
    assert.equal(ticket.resolutionDate, null);
    assert.equal(ticket.holdTimeAtResolution, null);
    assert.deepEqual(ticket.holdTime.periods, [], 'the time spent Resolved is not hold time here');
  });

  it('adds the pause as a hold period when the ticket leaves Paused', () => {
    const ticket = given(
      opened(created),
      moveTo('Replied', at(WEEK.Mon, '10:30')),
      moveTo('On Hold', at(WEEK.Mon, '10:45')),
      moveTo('Open', at(WEEK.Mon, '11:00')),
    );
    assert.equal(ticket.onHoldSince, null);
    assert.deepEqual(ticket.holdTime.periods, [
      { from: iso(WEEK.Mon, '10:30'), to: iso(WEEK.Mon, '11:00') },
    ]);
  });

  it('counts the time spent resolved as hold when the ticket is reopened', () => {
    const ticket = given(
      opened(created),
      moveTo('Resolved', at(WEEK.Mon, '11:00')),
      moveTo('Open', at(WEEK.Mon, '12:00')),
    );
    assert.equal(ticket.resolutionDate, null);
    assert.deepEqual(ticket.holdTime.periods, [
      { from: iso(WEEK.Mon, '11:00'), to: iso(WEEK.Mon, '12:00') },
    ]);
  });

  it('changes nothing of the SLA from Resolved to Closed but the status', () => {
    const resolved = given(opened(created), moveTo('Resolved', at(WEEK.Mon, '11:00')));
    const closed = given(
      opened(created),
      moveTo('Resolved', at(WEEK.Mon, '11:00')),
      moveTo('Closed', at(WEEK.Tue, '11:00')),
    );
    assert.deepEqual(closed, { ...resolved, status: 'Closed' });
  });

  it('keeps the resolution date, and adds no hold, between two other Resolved statuses', () => {
    const ticket = given(
      opened(created),
      moveTo('Resolved', at(WEEK.Mon, '11:00')),
      moveTo('Completed', at(WEEK.Mon, '12:00')),
      moveTo('Open', at(WEEK.Mon, '13:00')),
    );
    assert.deepEqual(ticket.holdTime.periods, [
      { from: iso(WEEK.Mon, '11:00'), to: iso(WEEK.Mon, '13:00') },
    ]);
  });

  it('ignores a save whose status did not change', () => {
    const before = given(opened(created), moveTo('Replied', at(WEEK.Mon, '10:30')));
    const after = evolveSlaTicket(before, {
      type: 'status-changed',
      at: at(WEEK.Mon, '11:00'),
      status: 'Replied',
      category: 'Paused',
      firstRespondedOn: at(WEEK.Mon, '10:30'),
      resolutionDate: null,
    });
    assert.deepEqual(after, before);
  });

  it('lets an agent replace the total hold time; a pause still running is added on top later', () => {
    const ticket = given(
      opened(created),
      moveTo('Replied', at(WEEK.Mon, '10:30')),
      moveTo('Open', at(WEEK.Mon, '11:00')),
      moveTo('Replied', at(WEEK.Mon, '12:00')),
      holdTimeSet(600, at(WEEK.Mon, '12:10')),
      moveTo('Open', at(WEEK.Mon, '13:00')),
    );
    assert.deepEqual(ticket.holdTime, {
      setSeconds: 600,
      periods: [{ from: iso(WEEK.Mon, '12:00'), to: iso(WEEK.Mon, '13:00') }],
    });
  });

  it('is plain JSON, so the service can store it and fold on from what it reads back', () => {
    const ticket = given(
      opened(created),
      moveTo('Replied', at(WEEK.Mon, '10:30')),
      moveTo('Resolved', at(WEEK.Mon, '11:00')),
    );
    const stored = JSON.parse(JSON.stringify(ticket));
    assert.deepEqual(stored, ticket);
    const next = moveTo('Open', at(WEEK.Mon, '12:00'));
    const fact = typeof next === 'function' ? next(ticket) : next;
    assert.deepEqual(evolveSlaTicket(stored, fact), evolveSlaTicket(ticket, fact));
  });
});
