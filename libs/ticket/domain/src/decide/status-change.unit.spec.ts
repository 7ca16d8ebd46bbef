import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TicketStatusChanged } from '../events/field.events.js';
import { decide } from '../ticket.decide.js';
import type { TicketEvent } from '../ticket.events.js';
import {
  AGENT,
  NOW,
  OPENED_AT,
  agentReplied,
  given,
  meta,
  opened,
  update,
} from '../testing/ticket.fixtures.js';

const EARLIER = '2026-11-21T10:30:00.000Z';

function moved(from: string, fromCategory: string, to: string, toCategory: string) {
  return {
    ...meta(AGENT, EARLIER),
    from,
    fromCategory,
    to,
    toCategory: toCategory as TicketStatusChanged['data']['toCategory'],
  };
}

function statusTo(history: TicketEvent[], status: string): TicketStatusChanged['data'] {
  const events = decide(update({ status }), given([opened(), ...history]));
  assert.equal(events.length, 1);
  const [event] = events;
  assert.equal(event?.type, 'TicketStatusChanged');
  return (event as TicketStatusChanged).data;
}

const paused: TicketEvent = {
  type: 'TicketStatusChanged',
  data: {
    ...moved('Open', 'Open', 'Replied', 'Paused'),
    firstRespondedOn: EARLIER,
    resolutionDate: null,
  },
};
const resolved: TicketEvent = {
  type: 'TicketStatusChanged',
  data: {
    ...moved('Open', 'Open', 'Resolved', 'Resolved'),
    firstRespondedOn: EARLIER,
    resolutionDate: EARLIER,
  },
};
/** A ticket paused and resolved without any first response recorded (e.g. imported history). */
const pausedWithoutResponse: TicketEvent = {
  type: 'TicketStatusChanged',
  data: {
    ...moved('Open', 'Open', 'Replied', 'Paused'),
    firstRespondedOn: null,
    resolutionDate: null,
  },
};
const resolvedWithoutResponse: TicketEvent = {
  type: 'TicketStatusChanged',
  data: {
    ...moved('Open', 'Open', 'Resolved', 'Resolved'),
    firstRespondedOn: null,
    resolutionDate: EARLIER,
  },
};

describe('TicketStatusChanged: from/to and categories', () => {
  it('carries both statuses and their categories', () => {
    assert.deepEqual(decide(update({ status: 'Replied' }), given([opened()])), [
      {
        type: 'TicketStatusChanged',
        data: {
          ...meta(AGENT),
          from: 'Open',
          fromCategory: 'Open',
          to: 'Replied',
          toCategory: 'Paused',
          firstRespondedOn: NOW,
          resolutionDate: null,
        },
      },
    ]);
  });
});

describe('TicketStatusChanged: first_responded_on', () => {
  it('is set when the ticket enters a Paused status', () => {
    assert.equal(statusTo([], 'Replied').firstRespondedOn, NOW);
  });

  it('is set when the ticket goes straight from Open to Resolved', () => {
    assert.equal(statusTo([], 'Resolved').firstRespondedOn, NOW);
  });

  it('is set when the ticket moves between Paused statuses without one', () => {
    assert.equal(statusTo([pausedWithoutResponse], 'Waiting on Vendor').firstRespondedOn, NOW);
  });

  it('is set when a Resolved ticket is paused without one', () => {
    assert.equal(statusTo([resolvedWithoutResponse], 'Replied').firstRespondedOn, NOW);
  });

  it('is not set going from Paused to Resolved', () => {
    assert.equal(statusTo([pausedWithoutResponse], 'Resolved').firstRespondedOn, null);
  });

  it('is not set going from Open to another Open status', () => {
    assert.equal(statusTo([], 'Reopened').firstRespondedOn, null);
  });

  it('is never overwritten once set', () => {
    assert.equal(statusTo([agentReplied(OPENED_AT)], 'Replied').firstRespondedOn, OPENED_AT);
    assert.equal(statusTo([paused], 'Resolved').firstRespondedOn, EARLIER);
  });
});

describe('TicketStatusChanged: resolution_date', () => {
  it('is set when the ticket enters the Resolved category', () => {
    assert.equal(statusTo([], 'Resolved').resolutionDate, NOW);
    assert.equal(statusTo([paused], 'Closed').resolutionDate, NOW);
  });

  it('is cleared when the ticket is reopened or paused', () => {
    assert.equal(statusTo([resolved], 'Open').resolutionDate, null);
    assert.equal(statusTo([resolved], 'Replied').resolutionDate, null);
  });

  it('is kept when a resolved ticket is closed', () => {
    assert.equal(statusTo([resolved], 'Closed').resolutionDate, EARLIER);
  });

  it('is kept moving between Resolved statuses other than Closed', () => {
    const closed: TicketEvent = {
      type: 'TicketStatusChanged',
      data: {
        ...moved('Resolved', 'Resolved', 'Closed', 'Resolved'),
        firstRespondedOn: EARLIER,
        resolutionDate: EARLIER,
      },
    };
    assert.equal(statusTo([resolved, closed], 'Resolved').resolutionDate, EARLIER);
  });

  it('is set moving within Resolved when none was recorded', () => {
    const closed: TicketEvent = {
      type: 'TicketStatusChanged',
      data: {
        ...moved('Open', 'Open', 'Closed', 'Resolved'),
        firstRespondedOn: EARLIER,
        resolutionDate: null,
      },
    };
    assert.equal(statusTo([closed], 'Resolved').resolutionDate, NOW);
  });
});
