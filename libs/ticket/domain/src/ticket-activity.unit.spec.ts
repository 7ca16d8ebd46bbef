import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { activityOf } from './ticket-activity.js';
import { decide } from './ticket.decide.js';
import type { TicketEvent } from './ticket.events.js';
import {
  AGENT,
  agentReply,
  customerReply,
  given,
  meta,
  opened,
  statusChanged,
  update,
} from './testing/ticket.fixtures.js';

const activities = (events: TicketEvent[]) => events.map(activityOf);

describe('activityOf', () => {
  it('words each tracked field as "set <label> to <value>"', () => {
    const events = decide(
      update({ status: 'Replied', priority: 'High', agent_group: 'Billing', ticket_type: 'Bug' }),
      given([opened()]),
    );
    assert.deepEqual(activities(events).sort(), [
      'set priority to High',
      'set status to Replied',
      'set team to Billing',
      'set type to Bug',
    ]);
  });

  it('says "cleared <label>" when the value is emptied', () => {
    const by = meta(AGENT);
    assert.deepEqual(
      activities([
        { type: 'TicketTeamChanged', data: { ...by, agentGroup: null } },
        { type: 'TicketContactChanged', data: { ...by, contact: null } },
        { type: 'TicketPriorityChanged', data: { ...by, priority: null } },
      ]),
      ['cleared team', 'cleared contact', 'cleared priority'],
    );
  });

  it('logs status moves made by replies too, and nothing for the replies themselves', () => {
    const history = given([opened(), statusChanged('Replied', 'Paused')]);
    const reopened = decide(customerReply(), history);
    assert.deepEqual(activities(reopened), [undefined, 'set status to Open']);
    const closed = decide(
      agentReply({}, { settings: { autoUpdateStatus: true, updateStatusTo: 'Closed' } }),
      given([opened()]),
    );
    assert.deepEqual(activities(closed), [undefined, 'set status to Closed']);
  });

  it('records nothing for fields the activity log does not track', () => {
    const events = decide(update({ subject: 'New', customer: 'Acme' }), given([opened()]));
    assert.ok(events.length > 0);
    assert.deepEqual(
      activities(events),
      events.map(() => undefined),
    );
  });
});
