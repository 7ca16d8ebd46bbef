import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { WEEK } from '@helpdesk/shared-working-time/testing';
import { slaOutcome } from './sla-outcome.js';
import {
  at,
  given,
  moveTo,
  opened,
  replied,
  termsFor,
  type Step,
  type StatusName,
} from './testing/ticket-facts.fixtures.js';

const STATUSES: StatusName[] = [
  'Open',
  'In Progress',
  'Replied',
  'On Hold',
  'Resolved',
  'Completed',
  'Closed',
];
const PRIORITIES = ['Low', 'Medium', 'High', 'Urgent'] as const;

/** A small seeded generator, so every run checks the same histories. */
function randomNumbers(seed: number) {
  let state = seed;
  return (below: number) => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return Math.floor((state / 2_147_483_648) * below);
  };
}

describe('failsAt agrees with agreementStatus', () => {
  it('over random histories: Failed one second after failsAt, not one second before', () => {
    const random = randomNumbers(17);
    const second = (instant: Date, seconds: number) => new Date(instant.getTime() + seconds * 1000);
    let checked = 0;
    for (let history = 0; history < 300; history++) {
      const created = at(WEEK.Mon, '08:00');
      let clock = created;
      const steps: Step[] = [opened(created)];
      for (let step = random(6); step > 0; step--) {
        clock = second(clock, random(8 * 3600));
        steps.push(random(4) === 0 ? replied(clock) : moveTo(STATUSES[random(7)] ?? 'Open', clock));
      }
      const terms = termsFor(PRIORITIES[random(4)] ?? 'Low', {
        applySlaForResolution: random(5) !== 0,
      });
      const ticket = given(...steps);
      const now = second(clock, random(3600));
      const { agreementStatus, failsAt } = slaOutcome(terms, ticket, now);
      if (agreementStatus === 'Failed' || failsAt === null) continue;
      checked++;
      assert.ok(failsAt >= now, 'a deadline still ahead');
      assert.equal(slaOutcome(terms, ticket, second(failsAt, 1)).agreementStatus, 'Failed');
      assert.notEqual(slaOutcome(terms, ticket, second(failsAt, -1)).agreementStatus, 'Failed');
      assert.notEqual(slaOutcome(terms, ticket, failsAt).agreementStatus, 'Failed');
    }
    assert.ok(checked > 50, `enough histories with a deadline ahead (${checked})`);
  });
});
