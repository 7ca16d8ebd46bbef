import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FrappeError } from '@helpdesk/shared-frappe-api';
import type { RequestContext } from '../request-context.js';
import { AgentHomeMethods } from './agent-home.methods.js';
import type {
  AgentHomeReads,
  PendingTicketRow,
  PendingTicketsQuery,
  RecentActivityQuery,
  RecentActivityRow,
} from './agent-home.port.js';
import { timeDifference } from './time-difference.js';

const NOW = new Date('2026-06-10T09:30:00Z');
const ZONE = 'Asia/Kolkata';
const agent: RequestContext = { user: 'x@help.example', roles: ['Agent'], correlationId: 'c' };
const customer: RequestContext = { user: 'ann@a.example', roles: [], correlationId: 'c' };
const minutesFromNow = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);

const ticket = (fields: Partial<PendingTicketRow>): PendingTicketRow => ({
  name: 7,
  subject: 'Printer on fire',
  status: 'Open',
  priority: 'High',
  agent_group: null,
  creation: new Date('2026-06-01T04:30:00Z'),
  response_by: null,
  resolution_by: null,
  agreement_status: null,
  last_customer_response: null,
  ...fields,
});

/** Reads answering fixed rows and remembering what they were asked. */
function reads(tickets: PendingTicketRow[], activity: RecentActivityRow[] = []) {
  const asked: { pending: PendingTicketsQuery[]; activity: RecentActivityQuery[] } = {
    pending: [],
    activity: [],
  };
  const fake: AgentHomeReads = {
    pendingTickets(query) {
      asked.pending.push(query);
      return Promise.resolve({ tickets, total: 11 });
    },
    recentActivity(_viewer, query) {
      asked.activity.push(query);
      return Promise.resolve(activity);
    },
  };
  return { fake, asked };
}

describe('timeDifference', () => {
  it('is whole minutes under an hour, hours under a day, then days', () => {
    assert.equal(timeDifference(minutesFromNow(-5.9), NOW), '5m');
    assert.equal(timeDifference(minutesFromNow(-180), NOW), '3h');
    assert.equal(timeDifference(minutesFromNow(-60 * 24 * 2 - 1), NOW), '2d');
  });

  it('counts time left until an instant, and a passed one is overdue', () => {
    assert.equal(timeDifference(minutesFromNow(90), NOW, 'until'), '1h');
    assert.equal(timeDifference(minutesFromNow(-1), NOW, 'until'), 'overdue');
    assert.equal(timeDifference(minutesFromNow(1), NOW), '0m');
  });
});

describe('get_pending_tickets', () => {
  it('given a ticket whose response is due, when listed, then the reason says when', async () => {
    const { fake, asked } = reads([
      ticket({ agreement_status: 'First Response Due', response_by: minutesFromNow(150) }),
      ticket({
        name: 8,
        agreement_status: 'Resolution Due',
        resolution_by: minutesFromNow(-10),
      }),
    ]);
    const reply = await new AgentHomeMethods(fake, ZONE, () => NOW).getPendingTickets({}, agent);
    const { tickets, total_pending_tickets } = reply.message as {
      tickets: Record<string, unknown>[];
      total_pending_tickets: number;
    };
    assert.equal(total_pending_tickets, 11);
    assert.deepEqual(tickets[0]?.reason, {
      type: 'upcoming_sla',
      text: 'Response due in 2h',
      seconds_until_due: 9000,
    });
    assert.deepEqual(tickets[1]?.reason, {
      type: 'upcoming_sla',
      text: 'Resolution overdue',
      seconds_until_due: -600,
    });
    assert.equal(tickets[0]?.response_by, '2026-06-10 17:30:00.000000');
    assert.equal(tickets[0]?.creation, '2026-06-01 10:00:00.000000');
    // Six months back from the site's today, from its midnight; seven days back from now.
    assert.equal(asked.pending[0]?.kind, 'upcoming_sla');
    assert.equal(asked.pending[0]?.agent, 'x@help.example');
    assert.equal(asked.pending[0]?.limit, 6);
    assert.equal(asked.pending[0]?.createdSince.toISOString(), '2025-12-09T18:30:00.000Z');
    assert.equal(asked.pending[0]?.assignedSince.toISOString(), '2026-06-03T09:30:00.000Z');
  });

  it('given a customer waiting, when pending is listed, then the reason says for how long', async () => {
    const { fake } = reads([ticket({ last_customer_response: minutesFromNow(-60 * 26) })]);
    const reply = await new AgentHomeMethods(fake, ZONE, () => NOW).getPendingTickets(
      { ticket_type: 'pending' },
      agent,
    );
    const [row] = (reply.message as { tickets: Record<string, unknown>[] }).tickets;
    assert.deepEqual(row?.reason, { type: 'pending', text: 'Pending for 1d' });
    assert.equal(row?.last_customer_response, '2026-06-09 13:00:00.000000');
    assert.equal('response_by' in (row ?? {}), false);
  });

  it('given new assignments, then each is "Recently assigned"', async () => {
    const { fake } = reads([ticket({})]);
    const reply = await new AgentHomeMethods(fake, ZONE, () => NOW).getPendingTickets(
      { ticket_type: 'new_tickets' },
      agent,
    );
    const [row] = (reply.message as { tickets: Record<string, unknown>[] }).tickets;
    assert.deepEqual(row?.reason, { type: 'new_tickets', text: 'Recently assigned' });
  });

  it('refuses an unknown list and non-agents', async () => {
    const methods = new AgentHomeMethods(reads([]).fake, ZONE, () => NOW);
    await assert.rejects(
      methods.getPendingTickets({ ticket_type: 'overdue' }, agent),
      (error: unknown) => error instanceof FrappeError && error.httpStatus === 417,
    );
    await assert.rejects(
      methods.getPendingTickets({}, customer),
      (error: unknown) => error instanceof FrappeError && error.httpStatus === 403,
    );
  });
});

describe('get_recent_activity', () => {
  it('given recent actions, then each row has its type, text and age', async () => {
    const { fake, asked } = reads(
      [],
      [
        {
          ticket: '7',
          subject: 'Printer on fire',
          type: 'updated',
          action: 'set status to Resolved',
          creation: minutesFromNow(-5),
        },
        {
          ticket: '8',
          subject: 'Login',
          type: 'viewed',
          action: null,
          creation: minutesFromNow(-60 * 49),
        },
      ],
    );
    const reply = await new AgentHomeMethods(fake, ZONE, () => NOW).getRecentActivity(agent);
    assert.deepEqual(reply.message, [
      {
        name: '7',
        subject: 'Printer on fire',
        activity_type: 'updated',
        text: 'Set status to Resolved',
        timestamp: '5m',
        creation: '2026-06-10 14:55:00.000000',
      },
      {
        name: '8',
        subject: 'Login',
        activity_type: 'viewed',
        text: null,
        timestamp: '2d',
        creation: '2026-06-08 14:00:00.000000',
      },
    ]);
    // From the site's midnight three days ago, twenty at most.
    assert.deepEqual(asked.activity, [{ since: new Date('2026-06-06T18:30:00Z'), limit: 20 }]);
  });

  it('refuses non-agents', async () => {
    await assert.rejects(
      new AgentHomeMethods(reads([]).fake, ZONE, () => NOW).getRecentActivity(customer),
      (error: unknown) => error instanceof FrappeError && error.httpStatus === 403,
    );
  });
});
