import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { planSeedTicket, type SeedSpread } from './seed-ticket-plan.js';

const spread: SeedSpread = { seed: 5, total: 10_000, until: new Date('2026-01-01T00:00:00Z') };
const plans = Array.from({ length: spread.total }, (_, i) => planSeedTicket(spread, i));

describe('seed ticket plan', () => {
  it('gives the same ticket for the same seed and index, and another for another seed', () => {
    assert.deepEqual(planSeedTicket(spread, 42), plans[42]);
    assert.notDeepEqual(planSeedTicket({ ...spread, seed: 6 }, 42), plans[42]);
  });

  it('opens tickets over two years, oldest first, and changes them only later', () => {
    const from = spread.until.getTime() - 730 * 86_400_000;
    let previous = from;
    for (const plan of plans) {
      const opened = plan.openedAt.getTime();
      assert.ok(opened >= previous && opened <= spread.until.getTime());
      previous = opened;
      let last = opened;
      for (const update of plan.updates) {
        assert.ok(update.at.getTime() >= last && update.at.getTime() <= spread.until.getTime());
        last = update.at.getTime();
      }
    }
  });

  it('spreads statuses, priorities, teams and about a thousand raisers', () => {
    const share = (pick: (p: (typeof plans)[number]) => unknown) => {
      const tally = new Map<unknown, number>();
      for (const plan of plans) tally.set(pick(plan), (tally.get(pick(plan)) ?? 0) + 1);
      return new Map([...tally].map(([key, n]) => [key, Math.round((n / plans.length) * 100)]));
    };
    const finalStatus = share((p) => p.updates.at(-1)?.changes.status ?? 'Open');
    for (const status of ['Open', 'Replied', 'Resolved', 'Closed']) {
      assert.ok((finalStatus.get(status) ?? 0) >= 8, `${status}: ${finalStatus.get(status)}%`);
    }
    assert.deepEqual([...share((p) => p.priority).keys()].sort(), [
      'High',
      'Low',
      'Medium',
      'Urgent',
    ]);
    assert.deepEqual([...share((p) => p.agentGroup ?? '-').keys()].sort(), [
      '-',
      'Billing',
      'Product Experts',
    ]);
    const raisers = new Set(plans.map((p) => p.raisedBy)).size;
    assert.ok(raisers > 900 && raisers <= 1000, `${raisers} raisers`);
  });
});
