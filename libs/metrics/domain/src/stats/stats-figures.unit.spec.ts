import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pythonFixed, pythonRound } from '../python-rounding.js';
import {
  agentTicketWindows,
  monthlyTimeMetrics,
  recentFeedbackSummary,
} from './agent-home-figures.js';
import { percentageChange } from './percentage-change.js';
import { slaViolations } from './sla-violations.js';
import { avgTimeMetric, dailyCounts, feedbackReceived } from './stats-figures.js';
import { statsWindows } from './stats-periods.js';

describe('percentage change', () => {
  it('is to two places, none from nothing to something, and 0 from nothing to nothing', () => {
    assert.equal(percentageChange(3, 2), 50);
    assert.equal(percentageChange(1, 3), -66.67);
    assert.equal(percentageChange(4, 0), null);
    assert.equal(percentageChange(0, 0), 0);
  });
});

describe('Python’s rounding', () => {
  it('rounds a true tie to even and everything else to nearest', () => {
    assert.equal(pythonFixed(2.5, 0), '2');
    assert.equal(pythonFixed(3.5, 0), '4');
    assert.equal(pythonFixed(0.125, 2), '0.12');
    assert.equal(pythonRound(2.675, 2), 2.67);
    assert.equal(pythonRound(-0.5), 0);
  });
});

describe('the stats windows', () => {
  it('given the last week, then today and the six days before, after the seven before those', () => {
    assert.deepEqual(statsWindows(7, '2025-03-10'), {
      days: 7,
      current: { from: '2025-03-04', to: '2025-03-10' },
      previous: { from: '2025-02-25', to: '2025-03-03' },
    });
  });

  it('given an agent’s tickets, then the previous window is one day shorter, as Frappe has it', () => {
    assert.deepEqual(agentTicketWindows('last week', '2025-03-10'), {
      current: { from: '2025-03-04', to: '2025-03-10' },
      previous: { from: '2025-02-26', to: '2025-03-03' },
    });
  });
});

describe('average time per day', () => {
  it('fills every day, rounds to two places and compares unrounded averages', () => {
    const metric = avgTimeMetric(
      { from: '2025-03-01', to: '2025-03-03' },
      new Map([['2025-03-02', { sum: 10, count: 3 }]]),
      { sum: 10, count: 3 },
      { sum: 5, count: 1 },
    );
    assert.deepEqual(metric, {
      data: [
        { date: '2025-03-01', avg_time: 0 },
        { date: '2025-03-02', avg_time: 3.33 },
        { date: '2025-03-03', avg_time: 0 },
      ],
      average: 3.33,
      percentage_change: -33.33,
    });
  });

  it('counts tickets per day with the total', () => {
    const counts = dailyCounts(
      { from: '2025-03-01', to: '2025-03-02' },
      new Map([['2025-03-02', 4]]),
      2,
    );
    assert.deepEqual(counts, {
      data: [
        { date: '2025-03-01', count: 0 },
        { date: '2025-03-02', count: 4 },
      ],
      total: 4,
      percentage_change: 100,
    });
  });
});

describe('SLA violations', () => {
  const today = '2025-03-10';
  it('given a month, then per ISO week from the Monday of the first day, labelled by its days', () => {
    const window = statsWindows(30, today).current;
    const result = slaViolations(
      30,
      window,
      new Map([
        ['2025-02-09', 1],
        ['2025-03-04', 2],
      ]),
      0,
    );
    assert.equal(window.from, '2025-02-09');
    assert.deepEqual(result.data[0], { date: 'Feb 3 – Feb 9', count: 1 });
    assert.deepEqual(result.data.at(-1), { date: 'Mar 10 – Mar 16', count: 0 });
    assert.deepEqual(result.data.at(-2), { date: 'Mar 3 – Mar 9', count: 2 });
    assert.equal(result.total, 3);
    assert.equal(result.percentage_change, null);
  });

  it('given six months, then the last six calendar months by name, the total over the whole window', () => {
    const window = statsWindows(180, today).current;
    const result = slaViolations(
      180,
      window,
      new Map([
        ['2025-03-01', 2],
        [window.from, 1],
      ]),
      3,
    );
    assert.deepEqual(
      result.data.map((m) => m.date),
      ['Oct 2024', 'Nov 2024', 'Dec 2024', 'Jan 2025', 'Feb 2025', 'Mar 2025'],
    );
    assert.equal(result.data.at(-1)!.count, 2);
    assert.equal(result.total, 3);
    assert.equal(result.percentage_change, 0);
  });
});

describe('feedback', () => {
  it('counts per star with a rating under half a star as one, and averages the stars to one place', () => {
    assert.deepEqual(feedbackReceived([1, 0, 0, 2, 0, 1]), {
      data: { 1: 1, 2: 0, 3: 2, 4: 0, 5: 1 },
      average: 3,
      total: 4,
    });
  });

  it('summarises an agent’s feedback: stars to one place, distribution of 1–5 stars', () => {
    assert.deepEqual(recentFeedbackSummary(3, 80 + 60 + 60, [0, 0, 0, 2, 1, 0]), {
      average_rating: 3.3,
      total_feedbacks: 3,
      rating_distribution: { 1: 0, 2: 0, 3: 2, 4: 1, 5: 0 },
    });
  });
});

describe('monthly time metrics', () => {
  it('lists every month of the range, whole seconds per month, the overall averages unrounded', () => {
    const result = monthlyTimeMetrics(
      { from: '2025-01-15', to: '2025-03-10' },
      new Map([
        ['2025-02', { firstResponse: { sum: 301, count: 2 }, resolution: { sum: 0, count: 0 } }],
      ]),
      { firstResponse: { sum: 301, count: 2 }, resolution: { sum: 0, count: 0 } },
    );
    assert.deepEqual(result, {
      data: [
        ['Jan', 0, 0],
        ['Feb', 150, 0],
        ['Mar', 0, 0],
      ],
      averages: { first_response: 150.5, resolution: 0 },
    });
  });
});
