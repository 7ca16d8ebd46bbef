import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { breakdownCharts, feedbackTrendChart, ticketTrendChart } from './dashboard-charts.js';
import { dashboardWindow } from './dashboard-window.js';
import { NO_CREATION_FIGURES, numberCards, type CreationFigures } from './number-cards.js';

const figures = (given: Partial<CreationFigures>): CreationFigures => ({
  ...NO_CREATION_FIGURES,
  ...given,
});
const noFeedback = { rated: 0, ratingSum: 0 };
const cards = (
  current: Partial<CreationFigures>,
  previous: Partial<CreationFigures>,
  feedback = { current: noFeedback, previous: noFeedback },
) =>
  Object.fromEntries(
    numberCards(figures(current), figures(previous), feedback).map((card) => [card.title, card]),
  );

describe('the dashboard’s windows', () => {
  it('given 1–31 March, then the previous window is the 30 days before (date_diff), ending on 29 February', () => {
    assert.deepEqual(dashboardWindow('2024-03-01', '2024-03-31'), {
      current: { from: '2024-03-01', to: '2024-03-31' },
      previous: { from: '2024-01-31', to: '2024-02-29' },
    });
  });

  it('given a single day, then the previous window is the day before (a difference of 0 counts as 1)', () => {
    assert.deepEqual(dashboardWindow('2024-03-05', '2024-03-05').previous, {
      from: '2024-03-04',
      to: '2024-03-04',
    });
  });
});

describe('the number cards', () => {
  it('given 6 tickets now and 4 before, then "Tickets" is 6 with a 50 % rise, and fewer is better', () => {
    const tickets = cards({ created: 6 }, { created: 4 }).Tickets!;
    assert.deepEqual(tickets, {
      title: 'Tickets',
      value: 6,
      delta: 50,
      deltaSuffix: '%',
      negativeIsBetter: true,
      tooltip: 'Total number of tickets created',
    });
    assert.equal(cards({ created: 6 }, {}).Tickets!.delta, 0);
  });

  it('given 3 fulfilled of 4 resolved now and 1 of 2 before, then 75 % with a change of 25 points', () => {
    const sla = cards({ resolved: 4, fulfilled: 3 }, { resolved: 2, fulfilled: 1 })[
      '% SLA Fulfilled'
    ]!;
    assert.equal(sla.value, 75);
    assert.equal(sla.delta, 25);
    assert.equal(sla.suffix, '%');
    assert.equal(cards({ fulfilled: 2 }, {})['% SLA Fulfilled']!.value, 0);
  });

  it('averages first responses in hours, and shows no change without a previous average', () => {
    const now = { firstResponseSum: 3600 + 7200, firstResponseCount: 2 };
    const card = cards(now, { firstResponseSum: 3600, firstResponseCount: 1 })[
      'Avg. First Response'
    ]!;
    assert.equal(card.value, 1.5);
    assert.equal(card.delta, 0.5);
    assert.equal(card.suffix, ' hrs');
    assert.equal(cards(now, {})['Avg. First Response']!.delta, 0);
  });

  it('averages resolution in whole days per ticket', () => {
    const card = cards(
      { resolutionDaysSum: 1 + 3, resolutionDaysCount: 2 },
      { resolutionDaysSum: 1, resolutionDaysCount: 1 },
    )['Avg. Resolution']!;
    assert.equal(card.value, 2);
    assert.equal(card.delta, 1);
    assert.equal(card.suffix, ' days');
  });

  it('shows feedback in stars out of five, its change in stars even from nothing', () => {
    const card = cards({}, {}, { current: { rated: 2, ratingSum: 80 + 60 }, previous: noFeedback })[
      'Avg. Feedback Rating'
    ]!;
    assert.equal(card.value, 3.5);
    assert.equal(card.delta, 3.5);
    assert.equal(card.suffix, '/5');
    assert.equal(card.deltaSuffix, ' stars');
  });
});

describe('the trend charts', () => {
  it('shows the days with tickets, closed and open apart, and tickets per day rounded as Python does', () => {
    const chart = ticketTrendChart(
      [
        { date: '2024-03-01', created: 3, open: 1, resolved: 2, fulfilled: 1 },
        { date: '2024-03-02', created: 0, open: 0, resolved: 0, fulfilled: 0 },
        { date: '2024-03-03', created: 2, open: 1, resolved: 0, fulfilled: 0 },
      ],
      '2024-03-01',
      '2024-03-02',
    );
    assert.deepEqual(chart.data, [
      { date: '2024-03-01', open: 1, closed: 2, SLA_fulfilled: 1 },
      { date: '2024-03-03', open: 1, closed: 0, SLA_fulfilled: 0 },
    ]);
    // 5 tickets over 2 days: 2.5, a tie, goes to the even 2.
    assert.equal(chart.subtitle, 'Average tickets per day is around 2');
  });

  it('rates feedback per resolution day, none on a day without a rating', () => {
    const chart = feedbackTrendChart([
      { date: '2024-03-01', resolved: 2, rated: 2, ratingSum: 100 + 60 },
      { date: '2024-03-02', resolved: 1, rated: 0, ratingSum: 0 },
    ]);
    assert.deepEqual(chart.data, [
      { date: '2024-03-01', rating: 4, rated_tickets: 2 },
      { date: '2024-03-02', rating: null, rated_tickets: 0 },
    ]);
    assert.equal(chart.subtitle, 'Average feedback rating per day is around 4.0 stars');
  });
});

describe('the breakdown charts', () => {
  it('puts the biggest group first, names the empty team "No Team", and keeps Portal before Email', () => {
    const [team, , , channel] = breakdownCharts({
      team: new Map([
        ['Billing', 2],
        ['', 5],
      ]),
      type: new Map([['Bug', 1]]),
      priority: new Map(),
      channel: new Map([
        ['Email', 9],
        ['Portal', 1],
      ]),
    });
    assert.deepEqual(team, {
      type: 'pie',
      data: [
        { team: 'No Team', count: 5 },
        { team: 'Billing', count: 2 },
      ],
      title: 'Tickets by Team',
      subtitle: 'Percentage of Total Tickets by Team',
      categoryColumn: 'team',
      valueColumn: 'count',
    });
    assert.deepEqual(channel!.data, [
      { channel: 'Portal', count: 1 },
      { channel: 'Email', count: 9 },
    ]);
  });

  it('draws seven groups or more as bars', () => {
    const types = new Map(['A', 'B', 'C', 'D', 'E', 'F', 'G'].map((t, i) => [t, i + 1]));
    const [, type] = breakdownCharts({
      team: new Map(),
      type: types,
      priority: new Map(),
      channel: new Map(),
    });
    assert.equal(type!.type, 'axis');
    assert.equal((type as { subtitle: string }).subtitle, 'Total Tickets by Type');
  });
});
