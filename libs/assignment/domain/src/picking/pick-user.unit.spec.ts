import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ticket } from '@helpdesk/shared-conditions/testing';
import type { AssignmentRuleDocument } from '../rule/assignment-rule.document.js';
import { availability } from '../testing/plan.fixtures.js';
import { ANNA, BEN, CLEO, rule } from '../testing/rule.fixtures.js';
import { pickUser, type PickContext } from './pick-user.js';

const DAN = 'dan@example.com';
const users = (...names: string[]) => names.map((user) => ({ user }));
const nobodyAway: PickContext = {
  ticket: ticket(),
  availability: availability({ [ANNA]: 'Active', [BEN]: 'Active', [CLEO]: 'Active' }),
  openAssignmentCounts: new Map(),
  knownUsers: new Set(),
};

/** Picks `count` times in a row, recording each pick on the rule as the application would. */
function picks(
  start: AssignmentRuleDocument,
  count: number,
  context = nobodyAway,
): (string | null)[] {
  let current = start;
  return Array.from({ length: count }, () => {
    const picked = pickUser(current, context);
    if (picked)
      current = { ...current, last_user: picked.last_user, current_index: picked.current_index };
    return picked?.user ?? null;
  });
}

describe('Round Robin', () => {
  const roundRobin = rule('RR', { users: users(ANNA, BEN, CLEO) });

  it('starts with the first user and wraps after the last', () => {
    assert.deepEqual(picks(roundRobin, 5), [ANNA, BEN, CLEO, ANNA, BEN]);
  });

  it('continues after the last user recorded', () => {
    assert.equal(pickUser({ ...roundRobin, last_user: BEN }, nobodyAway)?.user, CLEO);
    assert.equal(pickUser({ ...roundRobin, last_user: CLEO }, nobodyAway)?.user, ANNA);
  });

  it('starts over when the last user has left the list', () => {
    assert.equal(pickUser({ ...roundRobin, last_user: DAN }, nobodyAway)?.user, ANNA);
  });

  it('records the user picked and leaves the weighted place alone', () => {
    assert.deepEqual(pickUser({ ...roundRobin, last_user: ANNA, current_index: 4 }, nobodyAway), {
      user: BEN,
      last_user: BEN,
      current_index: 4,
    });
  });

  it('picks nobody from an empty list', () => {
    assert.equal(pickUser(rule('RR'), nobodyAway), null);
  });
});

describe('Load Balancing', () => {
  const balancing = rule('LB', { rule: 'Load Balancing', users: users(ANNA, BEN, CLEO) });

  it('picks the user with the fewest open assignments', () => {
    const openAssignmentCounts = new Map([
      [ANNA, 4],
      [BEN, 1],
      [CLEO, 2],
    ]);
    assert.equal(pickUser(balancing, { ...nobodyAway, openAssignmentCounts })?.user, BEN);
  });

  it('breaks ties by list order, and counts a user with no entry as having none', () => {
    const openAssignmentCounts = new Map([
      [ANNA, 2],
      [BEN, 1],
      [CLEO, 1],
    ]);
    assert.equal(pickUser(balancing, { ...nobodyAway, openAssignmentCounts })?.user, BEN);
    assert.equal(
      pickUser(balancing, { ...nobodyAway, openAssignmentCounts: new Map([[ANNA, 1]]) })?.user,
      BEN,
    );
    assert.equal(pickUser(balancing, nobodyAway)?.user, ANNA);
  });
});

describe('Based on Field', () => {
  const onField = rule('BoF', { rule: 'Based on Field', field: 'raised_by' });
  const known = { ...nobodyAway, knownUsers: new Set(['jane@customer.com', ANNA]) };

  it('picks the user the field names when that user exists', () => {
    assert.equal(pickUser(onField, known)?.user, 'jane@customer.com');
    assert.equal(pickUser(onField, nobodyAway), null);
    assert.equal(pickUser(onField, { ...known, ticket: ticket({ raised_by: null }) }), null);
  });

  it('reads only the ticket’s own fields', () => {
    const prototypeField = rule('BoF', { rule: 'Based on Field', field: 'constructor' });
    assert.equal(pickUser(prototypeField, known), null);
  });

  it('ignores availability', () => {
    const annaAway = {
      ...known,
      ticket: ticket({ raised_by: ANNA }),
      availability: availability({ [ANNA]: 'Unavailable' }),
    };
    assert.equal(pickUser(onField, annaAway)?.user, ANNA);
  });
});

describe('Weighted Distribution', () => {
  const weighted = rule('WD', {
    rule: 'Weighted Distribution',
    weighted_users: [
      { user: ANNA, weight: 1 },
      { user: BEN, weight: 3 },
    ],
  });

  it('gives weights 1:3 one ticket to the first user, then three to the second, and repeats', () => {
    assert.deepEqual(picks(weighted, 8), [ANNA, BEN, BEN, BEN, ANNA, BEN, BEN, BEN]);
  });

  it('records the next place in the cycle and lands on someone after the weights shrink', () => {
    assert.equal(pickUser(weighted, nobodyAway)?.current_index, 1);
    assert.equal(pickUser({ ...weighted, current_index: 3 }, nobodyAway)?.current_index, 0);
    assert.equal(pickUser({ ...weighted, current_index: 9 }, nobodyAway)?.user, BEN);
  });

  it('walks a cycle of billions without building it', () => {
    const heavy = rule('WD', {
      rule: 'Weighted Distribution',
      weighted_users: [
        { user: ANNA, weight: 2_000_000_000 },
        { user: BEN, weight: 2_000_000_000 },
      ],
    });
    const picked = pickUser({ ...heavy, current_index: 2_000_000_000 }, nobodyAway);
    assert.deepEqual([picked?.user, picked?.current_index], [BEN, 2_000_000_001]);
  });
});

describe('availability override', () => {
  const roundRobin = rule('RR', { users: users(ANNA, BEN, CLEO) });
  const away = (entries: Parameters<typeof availability>[0]) => ({
    ...nobodyAway,
    availability: availability(entries),
  });

  it('leaves the pool alone while nobody is Away or Unavailable', () => {
    assert.deepEqual(picks(roundRobin, 3, away({})), [ANNA, BEN, CLEO]);
  });

  it('skips Away and Unavailable members while someone is Active', () => {
    assert.deepEqual(picks(roundRobin, 3, away({ [BEN]: 'Away', [DAN]: 'Unavailable' })), [
      ANNA,
      CLEO,
      ANNA,
    ]);
    assert.deepEqual(picks(roundRobin, 2, away({ [ANNA]: 'Unavailable', [CLEO]: 'Away' })), [
      BEN,
      BEN,
    ]);
  });

  it('falls back to the Away members when nobody is Active, and to everyone when all are Unavailable', () => {
    const noneActive = away({ [ANNA]: 'Unavailable', [BEN]: 'Away', [CLEO]: 'Away' });
    assert.deepEqual(picks(roundRobin, 3, noneActive), [BEN, CLEO, BEN]);
    const allUnavailable = away({
      [ANNA]: 'Unavailable',
      [BEN]: 'Unavailable',
      [CLEO]: 'Unavailable',
    });
    assert.deepEqual(picks(roundRobin, 3, allUnavailable), [ANNA, BEN, CLEO]);
  });

  it('restarts Round Robin at the pool’s first user when the last user is out of the pool', () => {
    const benAway = away({ [BEN]: 'Away' });
    assert.equal(pickUser({ ...roundRobin, last_user: BEN }, benAway)?.user, ANNA);
    assert.equal(pickUser({ ...roundRobin, last_user: ANNA }, benAway)?.user, CLEO);
  });

  it('applies to Load Balancing and Weighted Distribution too', () => {
    const balancing = rule('LB', { rule: 'Load Balancing', users: users(ANNA, BEN) });
    const loaded = { ...away({ [ANNA]: 'Away' }), openAssignmentCounts: new Map([[BEN, 9]]) };
    assert.equal(pickUser(balancing, loaded)?.user, BEN);
    const weighted = rule('WD', {
      rule: 'Weighted Distribution',
      weighted_users: [
        { user: ANNA, weight: 1 },
        { user: BEN, weight: 3 },
      ],
    });
    assert.deepEqual(picks(weighted, 3, away({ [BEN]: 'Unavailable' })), [ANNA, ANNA, ANNA]);
  });
});
