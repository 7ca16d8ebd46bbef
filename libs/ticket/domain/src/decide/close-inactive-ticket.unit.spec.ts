import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AutoCloseSettings } from '../auto-close.js';
import { activityOf } from '../ticket-activity.js';
import { ticketDocumentChanges } from '../ticket-document-changes.js';
import type { TicketEvent } from '../ticket.events.js';
import {
  AGENT,
  CUSTOMER,
  agentReplied,
  given,
  lookups,
  meta,
  opened,
  statusChanged,
} from '../testing/ticket.fixtures.js';
import { closeInactiveTicket, type CloseInactiveTicket } from './close-inactive-ticket.js';

const REPLIED_AT = '2026-11-21T10:30:00.000Z';
const FOURTEEN_DAYS = { enabled: true, days: 14, status: 'Replied' } satisfies AutoCloseSettings;
const DAY_MS = 24 * 60 * 60 * 1000;
const daysAfterReply = (days: number) => new Date(Date.parse(REPLIED_AT) + days * DAY_MS);

const close = (now: Date, settings: AutoCloseSettings = FOURTEEN_DAYS): CloseInactiveTicket => ({
  type: 'CloseInactiveTicket',
  data: { name: 7 },
  context: { actor: 'Administrator', now, settings, lookups },
});

const customerReplied = (at: string): TicketEvent => ({
  type: 'CustomerReplied',
  data: {
    ...meta(CUSTOMER, at),
    communicationId: `c-customer-${at}`,
    subject: 'Re: Cannot log in',
    content: 'Any news?',
    sender: CUSTOMER,
    attachments: [],
    newTicket: false,
  },
});

/** An agent answered and set the ticket to Replied (Paused), then nothing happened. */
const waitingOnCustomer = [
  opened(),
  agentReplied(REPLIED_AT),
  statusChanged('Replied', 'Paused', 'Open', 'Open', REPLIED_AT),
];

describe('CloseInactiveTicket', () => {
  it('given a Replied ticket silent for 15 days, when auto-close runs with 14 days, then it is Closed with the activity line', () => {
    const now = daysAfterReply(15);
    const events = closeInactiveTicket(close(now), given(waitingOnCustomer));
    const by = meta('Administrator', now.toISOString());
    assert.deepEqual(events, [
      {
        type: 'TicketStatusChanged',
        data: {
          ...by,
          from: 'Replied',
          fromCategory: 'Paused',
          to: 'Closed',
          toCategory: 'Resolved',
          firstRespondedOn: REPLIED_AT,
          resolutionDate: now.toISOString(),
        },
      },
      { type: 'TicketClosedForInactivity', data: { ...by, days: 14 } },
    ]);
    assert.deepEqual(events.map(activityOf), [
      'set status to Closed',
      'automatically closed the ticket after 14 days of inactivity',
    ]);
  });

  it('given a one-day setting, then the activity line says "1 day"', () => {
    const events = closeInactiveTicket(
      close(daysAfterReply(2), { ...FOURTEEN_DAYS, days: 1 }),
      given(waitingOnCustomer),
    );
    assert.equal(
      activityOf(events[1]!),
      'automatically closed the ticket after 1 day of inactivity',
    );
  });

  it('given a ticket not silent for long enough yet, then nothing happens', () => {
    assert.deepEqual(closeInactiveTicket(close(daysAfterReply(13)), given(waitingOnCustomer)), []);
  });

  it('given a later Communication that left the status as it was, then the N days run from it', () => {
    const answered = [...waitingOnCustomer, customerReplied(daysAfterReply(10).toISOString())];
    assert.deepEqual(closeInactiveTicket(close(daysAfterReply(15)), given(answered)), []);
    assert.equal(
      closeInactiveTicket(close(daysAfterReply(25)), given(answered)).length,
      2,
      'closed 14 days after the latest one',
    );
  });

  it('given a ticket in another status, then it is left open', () => {
    const reopened = [...waitingOnCustomer, statusChanged('Open', 'Open', 'Replied', 'Paused')];
    assert.deepEqual(closeInactiveTicket(close(daysAfterReply(30)), given(reopened)), []);
  });

  it('given a Replied ticket without any Communication, then it is left alone', () => {
    const silent = [opened(), statusChanged('Replied', 'Paused')];
    assert.deepEqual(closeInactiveTicket(close(daysAfterReply(30)), given(silent)), []);
  });

  it('given the setting off, then nothing is closed', () => {
    const off = { ...FOURTEEN_DAYS, enabled: false };
    assert.deepEqual(
      closeInactiveTicket(close(daysAfterReply(30), off), given(waitingOnCustomer)),
      [],
    );
  });

  it('given it already closed the ticket, when it runs again, then nothing more happens', () => {
    const now = daysAfterReply(15);
    const closed = closeInactiveTicket(close(now), given(waitingOnCustomer));
    assert.equal(closed.length, 2);
    assert.deepEqual(
      closeInactiveTicket(close(daysAfterReply(16)), given([...waitingOnCustomer, ...closed])),
      [],
    );
  });

  it('skips validation: a portal ticket an agent answered and nobody rated is closed all the same', () => {
    const portal = [
      opened({ viaCustomerPortal: true }),
      agentReplied(REPLIED_AT),
      statusChanged('Replied', 'Paused', 'Open', 'Open', REPLIED_AT),
    ];
    const events = closeInactiveTicket(close(daysAfterReply(15)), given(portal));
    assert.deepEqual(
      events.map((event) => event.type),
      ['TicketStatusChanged', 'TicketClosedForInactivity'],
    );
  });

  it('given a deleted ticket, then nothing happens', () => {
    const deleted: TicketEvent = { type: 'TicketDeleted', data: meta(AGENT) };
    assert.deepEqual(
      closeInactiveTicket(close(daysAfterReply(30)), given([...waitingOnCustomer, deleted])),
      [],
    );
  });

  it('the auto-close fact leaves the ticket document alone: the status change is the save', () => {
    const [, fact] = closeInactiveTicket(close(daysAfterReply(15)), given(waitingOnCustomer));
    assert.deepEqual(ticketDocumentChanges(fact!), { op: 'none', name: 7, fields: {} });
  });
});
