import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { SplitTicket } from '../merge-split.commands.js';
import { activityOf } from '../ticket-activity.js';
import { decide } from '../ticket.decide.js';
import { ticketDocumentChanges } from '../ticket-document-changes.js';
import type { TicketEvent } from '../ticket.events.js';
import type { ExistingTicket } from '../ticket.state.js';
import { splitTicket } from './split-ticket.js';
import {
  AGENT,
  CUSTOMER,
  OPEN_DEFAULTS,
  addComment,
  agent,
  agentReply,
  assertViolation,
  customer,
  customerReply,
  given,
  lookups,
  now,
  opened,
} from '../testing/ticket.fixtures.js';

const at = (time: string) => new Date(`2026-11-21T${time}:00.000Z`);

/** Opened with a description, then a reply, a note, and the customer's second question. */
function history(): TicketEvent[] {
  const events: TicketEvent[] = [
    opened({ agentGroup: 'Billing', customer: 'Acme', fields: { template: 'Default' } }),
  ];
  const then = (event: TicketEvent[]) => events.push(...event);
  then(
    decide(
      customerReply({ communicationId: 'c-1', newTicket: true }, { now: at('10:00') }),
      given(events),
    ),
  );
  then(decide(agentReply({ communicationId: 'c-2' }, { now: at('10:10') }), given(events)));
  then(
    decide(
      { ...addComment('<p>early</p>', 'n-1'), context: { ...agent, now: at('10:15') } },
      given(events),
    ),
  );
  then(
    decide(
      customerReply({ communicationId: 'c-3', message: 'Also, my invoice' }, { now: at('10:20') }),
      given(events),
    ),
  );
  then(
    decide(
      { ...addComment('<p>late</p>', 'n-2'), context: { ...agent, now: at('10:25') } },
      given(events),
    ),
  );
  return events;
}

function split(communicationId = 'c-3', by = agent): SplitTicket {
  return {
    type: 'SplitTicket',
    data: { name: 7, newName: 12, subject: 'Invoice question', communicationId, noticeId: 'c-9' },
    context: {
      ...by,
      key: 'k-12',
      openingDate: '2026-11-21',
      openingTime: '11:00:00.000000',
      defaults: OPEN_DEFAULTS,
      lookups,
      settings: { autoUpdateStatus: false, updateStatusTo: null },
    },
  };
}

describe('SplitTicket', () => {
  it('moves the conversation from the given Communication on to the new ticket', () => {
    const { original } = splitTicket(split(), given(history()), given([]));
    const [moved, notice] = original;
    assert.equal(moved?.type, 'TicketSplit');
    assert.deepEqual(
      moved?.type === 'TicketSplit' && [moved.data.communications, moved.data.comments],
      [['c-3'], ['n-2']],
    );
    assert.equal(ticketDocumentChanges(moved!).op, 'none');
    assert.equal(
      notice?.type === 'AgentReplied' && notice.data.content,
      'This ticket has been split to a new ticket. Please follow up on ticket <a href=/helpdesk/tickets/12>#12</a>.',
    );
    const after = given([...history(), ...original]) as ExistingTicket;
    assert.deepEqual([...after.communications.keys()], ['c-1', 'c-2', 'c-9']);
    assert.deepEqual([...after.comments.keys()], ['n-1']);
  });

  it('opens the new ticket as a copy: new subject, default status, no description', () => {
    const { split: events } = splitTicket(split(), given(history()), given([]));
    const [opening, from] = events;
    assert.equal(opening?.type, 'TicketOpened');
    const d = opening?.type === 'TicketOpened' ? opening.data : undefined;
    assert.deepEqual(
      d && [
        d.name,
        d.subject,
        d.description,
        d.status,
        d.raisedBy,
        d.agentGroup,
        d.customer,
        d.key,
      ],
      [12, 'Invoice question', null, 'Open', CUSTOMER, 'Billing', 'Acme', 'k-12'],
    );
    assert.deepEqual(d?.fields, { template: 'Default' });
    assert.equal(from && activityOf(from), 'split the ticket from #7');
    assert.deepEqual(from && ticketDocumentChanges(from).fields, {
      ticket_split_from: 7,
      opening_time: '11:00:00.000000',
      modified: now.toISOString(),
      modified_by: AGENT,
    });
    const fresh = given(events) as ExistingTicket;
    assert.deepEqual([...fresh.communications.keys()], ['c-3']);
    assert.equal(fresh.comments.get('n-2')?.author, AGENT);
    assert.equal(fresh.agentHasReplied, false, 'the agent’s reply stayed on the original');
    assert.deepEqual(fresh.assignees, []);
  });

  it('splitting from the first message moves everything, replies included', () => {
    const { split: events } = splitTicket(split('c-1'), given(history()), given([]));
    const fresh = given(events) as ExistingTicket;
    assert.deepEqual([...fresh.communications.keys()], ['c-1', 'c-2', 'c-3']);
    assert.equal(fresh.agentHasReplied, true);
  });

  it('refuses a Communication that is not on the ticket, an existing new name and customers', () => {
    assertViolation(
      () => splitTicket(split('c-404'), given(history()), given([])),
      'not-found',
      'Communication c-404 not found',
    );
    assertViolation(
      () => splitTicket(split(), given(history()), given([opened({ name: 12 })])),
      'already-exists',
    );
    assertViolation(
      () => splitTicket(split('c-3', customer), given(history()), given([])),
      'forbidden',
    );
    assertViolation(() => splitTicket(split(), given([]), given([])), 'not-found');
  });
});
