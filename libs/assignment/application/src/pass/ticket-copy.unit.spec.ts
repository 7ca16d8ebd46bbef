import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyTicketEvent, assignmentsAfter, type TicketEventInput } from './ticket-copy.js';

const event = (
  type: string,
  ticketVersion: number,
  data: Record<string, unknown> = {},
): TicketEventInput => ({ type: `helpdesk.ticket.v1.${type}`, ticket: 7, ticketVersion, data });

const opened = event('opened', 1, {
  subject: 'Printer on fire',
  status: 'Open',
  status_category: 'Open',
  agent_group: 'Billing',
  via_customer_portal: true,
});

function given(...events: TicketEventInput[]) {
  let copy = applyTicketEvent(undefined, events[0]!).copy ?? undefined;
  for (const next of events.slice(1)) copy = applyTicketEvent(copy, next).copy ?? undefined;
  return copy!;
}

describe('the ticket copy assignment-rule-service decides from', () => {
  it('given an opening, then every HD Ticket field is present, empty ones as null', () => {
    const change = applyTicketEvent(undefined, opened);
    assert.equal(change.saved, true);
    assert.equal(change.copy?.fields.subject, 'Printer on fire');
    assert.equal(change.copy?.fields.agent_group, 'Billing');
    assert.equal(change.copy?.fields.via_customer_portal, 1);
    assert.equal(change.copy?.fields.priority, null);
    assert.equal(change.copy?.fields.resolution_by, null);
    assert.equal(change.copy?.fields.name, 7);
    assert.deepEqual(change.copy?.assignments, []);
  });

  it('when the team changes, then it is a save that remembers the previous team', () => {
    const change = applyTicketEvent(
      given(opened),
      event('team-changed', 2, { agent_group: 'Ops' }),
    );
    assert.equal(change.saved, true);
    assert.equal(change.previousTeam, 'Billing');
    assert.equal(change.copy?.fields.agent_group, 'Ops');
    assert.equal(change.copy?.version, 2);
  });

  it('when the status changes, then status and its category follow', () => {
    const change = applyTicketEvent(
      given(opened),
      event('status-changed', 2, { from: 'Open', to: 'Replied', to_category: 'Paused' }),
    );
    assert.equal(change.copy?.fields.status, 'Replied');
    assert.equal(change.copy?.fields.status_category, 'Paused');
    assert.equal(change.saved, true);
  });

  it('when plain fields change, then they are merged by Frappe name', () => {
    const change = applyTicketEvent(
      given(opened),
      event('fields-changed', 2, { fields: { raised_by: 'ann@example.com' } }),
    );
    assert.equal(change.copy?.fields.raised_by, 'ann@example.com');
  });

  it('when assigned, then the copy keeps which rule made each assignment; no rule pass', () => {
    const copy = given(
      opened,
      event('agent-assigned', 2, { agent: 'ann@x.com', assignees: ['ann@x.com'], rule: 'R' }),
    );
    const change = applyTicketEvent(
      copy,
      event('agent-assigned', 3, { agent: 'bob@x.com', assignees: ['ann@x.com', 'bob@x.com'] }),
    );
    assert.equal(change.saved, false);
    assert.deepEqual(change.copy?.assignments, [
      { user: 'ann@x.com', rule: 'R' },
      { user: 'bob@x.com', rule: null },
    ]);
    const removed = applyTicketEvent(
      change.copy!,
      event('agent-unassigned', 4, { agent: 'ann@x.com', assignees: ['bob@x.com'] }),
    );
    assert.deepEqual(removed.copy?.assignments, [{ user: 'bob@x.com', rule: null }]);
  });

  it('given replies, notes and views, then only the version moves and no rule pass runs', () => {
    for (const kind of ['agent-replied', 'comment-added', 'seen']) {
      const change = applyTicketEvent(given(opened), event(kind, 2, {}));
      assert.equal(change.saved, false, kind);
      assert.equal(change.copy?.version, 2);
      assert.deepEqual(change.copy?.fields, given(opened).fields);
    }
  });

  it('when deleted, then the copy is gone', () => {
    assert.equal(applyTicketEvent(given(opened), event('deleted', 2)).copy, null);
  });

  it('refuses a change before the opening', () => {
    assert.throws(() => applyTicketEvent(undefined, event('team-changed', 2, {})));
  });
});

describe('assignmentsAfter: the assignees a decision leaves', () => {
  const before = [
    { user: 'ann@x.com', rule: null },
    { user: 'bob@x.com', rule: 'R' },
  ];

  it('cancels those listed, then adds the pick by the rule', () => {
    assert.deepEqual(assignmentsAfter(before, ['bob@x.com'], 'cy@x.com', 'T'), [
      { user: 'ann@x.com', rule: null },
      { user: 'cy@x.com', rule: 'T' },
    ]);
  });

  it('does not add someone who stays assigned, and may only cancel', () => {
    assert.deepEqual(assignmentsAfter(before, [], 'ann@x.com', 'T'), before);
    assert.deepEqual(assignmentsAfter(before, ['ann@x.com', 'bob@x.com'], null, 'T'), []);
  });
});
