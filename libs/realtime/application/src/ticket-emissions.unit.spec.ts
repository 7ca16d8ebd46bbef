import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TicketAudienceV1, TicketEventV1 } from '@helpdesk/ticket-contracts';
import type { Emission } from './emission.js';
import { AGENTS_ROOM, PORTAL_ROOM } from './rooms.js';
import { ticketEmissions } from './ticket-emissions.js';

const restricted: TicketAudienceV1 = {
  ticket: 7,
  exists: true,
  everyAgent: false,
  agents: ['Administrator', 'alice@team-x', 'bob@assignee'],
  assignees: ['bob@assignee'],
  customers: ['carol@customer'],
};
const open: TicketAudienceV1 = { ...restricted, everyAgent: true };
const gone: TicketAudienceV1 = {
  ticket: 7,
  exists: false,
  everyAgent: false,
  agents: [],
  assignees: [],
  customers: [],
};

function event(kind: string, data: Record<string, unknown> = {}): TicketEventV1 {
  return {
    id: `e-${kind}`,
    type: `helpdesk.ticket.v1.${kind}`,
    ticket: 7,
    ticketVersion: 3,
    occurredAt: '2026-11-21T09:30:00.000Z',
    actor: 'alice@team-x',
    correlationId: null,
    data,
  } as TicketEventV1;
}

const named = (emissions: Emission[], name: string) => emissions.filter((e) => e.event === name);
const only = (emissions: Emission[], name: string) => {
  const found = named(emissions, name);
  assert.equal(found.length, 1, `one ${name} in ${JSON.stringify(emissions.map((e) => e.event))}`);
  return found[0]!;
};

describe('ticket emissions', () => {
  it('given a new ticket under team restriction, tells its team agents, assignees and customer only', () => {
    const emissions = ticketEmissions(event('opened'), { audience: restricted, timeZone: 'UTC' });
    const created = only(emissions, 'helpdesk:new-ticket');
    assert.deepEqual(created.payload, {});
    assert.deepEqual(created.to.sort(), [
      'user:Administrator',
      'user:alice@team-x',
      'user:bob@assignee',
      'user:carol@customer',
    ]);
    assert.ok(!created.to.includes(AGENTS_ROOM));
  });

  it('given no restriction, addresses every agent through the agents room', () => {
    const emissions = ticketEmissions(event('opened'), { audience: open, timeZone: 'UTC' });
    assert.ok(only(emissions, 'helpdesk:new-ticket').to.includes(AGENTS_ROOM));
  });

  it('sends ticket-update to the ticket room and doc_update with Frappe datetime to the doc room', () => {
    const emissions = ticketEmissions(event('priority-changed', { priority: 'High' }), {
      audience: restricted,
      timeZone: 'Europe/Berlin',
    });
    assert.deepEqual(only(emissions, 'helpdesk:ticket-update'), {
      event: 'helpdesk:ticket-update',
      payload: { ticket_id: 7 },
      to: ['open_doc:HD Ticket/7'],
      except: [],
    });
    const doc = only(emissions, 'doc_update');
    assert.deepEqual(doc.to, ['doc:HD Ticket/7']);
    assert.deepEqual(doc.payload, {
      modified: '2026-11-21 10:30:00.000000',
      doctype: 'HD Ticket',
      name: 7,
    });
    const listed = only(emissions, 'list_update');
    assert.deepEqual(listed.payload, { doctype: 'HD Ticket', name: 7, user: 'alice@team-x' });
    // Only list subscribers who read the ticket: per-user list rooms, never a whole-doctype room.
    assert.deepEqual(listed.to.sort(), [
      'doctype:HD Ticket:user:Administrator',
      'doctype:HD Ticket:user:alice@team-x',
      'doctype:HD Ticket:user:bob@assignee',
      'doctype:HD Ticket:user:carol@customer',
    ]);
  });

  it('without restriction, list updates go to the agents subscribed to the list as a whole', () => {
    const emissions = ticketEmissions(event('priority-changed'), {
      audience: open,
      timeZone: 'UTC',
    });
    assert.ok(only(emissions, 'list_update').to.includes('doctype:HD Ticket'));
  });

  it('sends a status change to the ticket room and the assignees', () => {
    const emissions = ticketEmissions(
      event('status-changed', {
        from: 'Open',
        from_category: 'Open',
        to: 'Replied',
        to_category: 'Paused',
      }),
      { audience: restricted, timeZone: 'UTC' },
    );
    const changed = only(emissions, 'helpdesk:ticket-status-changed');
    assert.deepEqual(changed.to, ['open_doc:HD Ticket/7', 'user:bob@assignee']);
    assert.equal(changed.payload['status'], 'Replied');
    assert.equal(changed.payload['previous_status'], 'Open');
  });

  it('tells an assignee they were assigned, in their own room', () => {
    const emissions = ticketEmissions(
      event('agent-assigned', { agent: 'bob@assignee', assignees: ['bob@assignee'] }),
      { audience: restricted, timeZone: 'UTC' },
    );
    const assigned = only(emissions, 'helpdesk:ticket-assigned');
    assert.deepEqual(assigned.to, ['user:bob@assignee']);
    assert.equal(assigned.payload['assigned_by'], 'alice@team-x');
  });

  it('keeps notes from portal users: comment events exclude the portal room and name no customer', () => {
    const emissions = ticketEmissions(
      event('comment-added', { comment_id: 'c1', content: 'x', mentions: [], attachments: [] }),
      { audience: restricted, timeZone: 'UTC' },
    );
    for (const e of emissions) {
      assert.ok(!e.to.includes('user:carol@customer'), `${e.event} names the customer`);
      if (e.to.some((room) => room.startsWith('open_doc:'))) {
        assert.deepEqual(e.except, [PORTAL_ROOM], `${e.event} reaches portal users`);
      }
    }
    assert.deepEqual(only(emissions, 'helpdesk:ticket-comment').payload, { ticket_id: 7 });
    assert.deepEqual(only(emissions, 'helpdesk:new-comment').to, [
      'open_doc:HD Ticket/7',
      'user:bob@assignee',
    ]);
    assert.equal(
      named(emissions, 'helpdesk:ticket-update').length,
      0,
      'a note is not a ticket save',
    );
  });

  it('mentions reach entitled agents only, never the author, a customer or an agent outside the team', () => {
    const emissions = ticketEmissions(
      event('comment-added', {
        comment_id: 'c1',
        mentions: ['alice@team-x', 'bob@assignee', 'carol@customer', 'dave@other-team'],
      }),
      { audience: restricted, timeZone: 'UTC' },
    );
    const mentions = named(emissions, 'helpdesk:mention');
    assert.deepEqual(
      mentions.map((m) => m.to),
      [['user:bob@assignee']],
    );
    assert.equal(mentions[0]!.payload['mentioned_by'], 'alice@team-x');
  });

  it('without restriction a mention goes to the named user unless they are a portal user', () => {
    const mentions = named(
      ticketEmissions(
        event('comment-edited', { comment_id: 'c1', mentions: ['dave@other-team'] }),
        {
          audience: open,
          timeZone: 'UTC',
        },
      ),
      'helpdesk:mention',
    );
    assert.deepEqual(
      mentions.map((m) => [m.to, m.except]),
      [[['user:dave@other-team'], [PORTAL_ROOM]]],
    );
  });

  it('sends reactions to agents in the ticket room only', () => {
    const emissions = ticketEmissions(event('comment-reaction-added', { comment_id: 'c1' }), {
      audience: open,
      timeZone: 'UTC',
    });
    assert.deepEqual(emissions, [
      {
        event: 'helpdesk:comment-reaction-update',
        payload: { comment: 'c1', ticket_id: 7 },
        to: ['open_doc:HD Ticket/7'],
        except: [PORTAL_ROOM],
      },
    ]);
  });

  it('for a ticket that is gone, speaks only to the rooms of those already watching it', () => {
    const emissions = ticketEmissions(event('deleted'), { audience: gone, timeZone: 'UTC' });
    assert.ok(emissions.length > 0);
    for (const e of emissions) {
      assert.ok(
        e.to.every((room) => room === 'open_doc:HD Ticket/7' || room === 'doc:HD Ticket/7'),
        `${e.event} went to ${e.to.join(', ')}`,
      );
    }
  });

  it('sends nothing for a ticket being seen', () => {
    assert.deepEqual(ticketEmissions(event('seen'), { audience: open, timeZone: 'UTC' }), []);
  });
});
