import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { contributionsOf, RollupDelta, starsOf } from './rollup-cells.js';
import { emptyTicketFacts, type TicketFacts } from './ticket-facts.js';

const ticket = (fields: Partial<TicketFacts>): TicketFacts => ({
  ...emptyTicketFacts(1),
  creation: '2025-03-03T09:00:00.000Z',
  status: 'Open',
  statusCategory: 'Open',
  ticketType: 'Bug',
  priority: 'High',
  ...fields,
});

const totalsOf = (facts: TicketFacts, key: readonly (string | boolean)[], zone = 'UTC') =>
  contributionsOf(facts, zone).find(
    (cell) => cell.table === 'ticket_day' && JSON.stringify(cell.key) === JSON.stringify(key),
  )?.measures;

describe('what a ticket adds to the rollups', () => {
  it('given an unassigned ticket without team, then it counts for every team and "no team", for anyone', () => {
    const cells = contributionsOf(ticket({}), 'UTC');
    assert.deepEqual(
      cells.filter((c) => c.table === 'ticket_day').map((c) => c.key.slice(0, 5).join('|')),
      [
        'false||||',
        'false|||team|',
        'false|||type|Bug',
        'false|||priority|High',
        'false|||channel|Email',
        'true||||',
        'true|||team|',
        'true|||type|Bug',
        'true|||priority|High',
        'true|||channel|Email',
      ],
    );
  });

  it('given a resolved ticket, then its resolution counts in whole days rounded up, and its first response only once responded', () => {
    const facts = ticket({
      statusCategory: 'Resolved',
      agreementStatus: 'Fulfilled',
      resolutionTime: 86_401,
      firstResponseTime: 5_400,
      firstRespondedOn: null,
      resolutionDate: '2025-03-05T09:00:00.000Z',
    });
    const totals = totalsOf(facts, [false, '', '', '', '', '2025-03-03']);
    assert.equal(totals?.resolved, 1);
    assert.equal(totals?.fulfilled, 1);
    assert.equal(totals?.resolution_days_sum, 2);
    assert.equal(totals?.first_response_count, 0);
    const responded = totalsOf({ ...facts, firstRespondedOn: '2025-03-03T10:30:00.000Z' }, [
      false,
      '',
      '',
      '',
      '',
      '2025-03-03',
    ]);
    assert.equal(responded?.first_response_sum, 5_400);
  });

  it('counts a ticket on the site’s calendar day, not UTC’s', () => {
    const late = ticket({ creation: '2025-03-03T23:30:00.000Z' });
    assert.ok(totalsOf(late, [false, '', '', '', '', '2025-03-04'], 'Europe/Berlin'));
    assert.ok(totalsOf(late, [false, '', '', '', '', '2025-03-03'], 'UTC'));
  });

  it('keys feedback on the resolution day, per assignee, with the rating in hundredths', () => {
    const facts = ticket({
      assignees: ['ann@example.com'],
      resolutionDate: '2025-03-10T12:00:00.000Z',
      feedbackRating: 0.6,
    });
    const feedback = contributionsOf(facts, 'UTC').filter((c) => c.table === 'feedback_day');
    assert.deepEqual(
      feedback.map((c) => [c.key, c.measures]),
      [
        [[false, '', '', '2025-03-10'], { resolved_on: 1, rated: 1, rating_sum: 60 }],
        [
          [false, '', 'ann@example.com', '2025-03-10'],
          { resolved_on: 1, rated: 1, rating_sum: 60 },
        ],
        [[true, '', '', '2025-03-10'], { resolved_on: 1, rated: 1, rating_sum: 60 }],
        [[true, '', 'ann@example.com', '2025-03-10'], { resolved_on: 1, rated: 1, rating_sum: 60 }],
      ],
    );
  });

  it('adds nothing for a deleted ticket, or one whose opening is not known yet', () => {
    assert.deepEqual(contributionsOf(ticket({ deleted: true }), 'UTC'), []);
    assert.deepEqual(contributionsOf(ticket({ creation: null }), 'UTC'), []);
  });

  it('shows stars as MySQL rounds rating × 5', () => {
    assert.deepEqual([0.2, 0.4, 0.5, 0.6, 1].map(starsOf), [1, 2, 3, 3, 5]);
  });
});

describe('the change of rollups over a batch', () => {
  it('when a ticket moves team, then the old team gives back what the new one takes, and what nets to nothing is left out', () => {
    const before = ticket({ team: 'Billing' });
    const after = ticket({ team: 'Product' });
    const delta = new RollupDelta();
    delta.change(before, after, 'UTC');
    const changed = delta
      .of('ticket_day')
      .map((c) => `${c.key.slice(0, 5).join('|')} ${c.measures.created}`)
      .sort();
    assert.deepEqual(
      changed,
      [
        'false|||team|Billing -1',
        'false|||team|Product 1',
        'true|Billing||channel|Email -1',
        'true|Billing||priority|High -1',
        'true|Billing||team|Billing -1',
        'true|Billing||type|Bug -1',
        'true|Billing||| -1',
        'true|Product||channel|Email 1',
        'true|Product||priority|High 1',
        'true|Product||team|Product 1',
        'true|Product||type|Bug 1',
        'true|Product||| 1',
      ].sort(),
    );
  });

  it('when the same ticket changes twice in a batch, then only the net change is written', () => {
    const delta = new RollupDelta();
    const open = ticket({});
    const resolved = ticket({ statusCategory: 'Resolved' });
    delta.change(undefined, open, 'UTC');
    delta.change(open, resolved, 'UTC');
    const totals = delta
      .of('ticket_day')
      .find((c) => JSON.stringify(c.key) === JSON.stringify([false, '', '', '', '', '2025-03-03']));
    assert.deepEqual(totals?.measures, { created: 1, open_count: 0, resolved: 1 });
  });
});
