import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { navigationFilters } from './navigation-filters.js';

describe('navigationFilters', () => {
  it('without a view lists every other ticket', () => {
    assert.deepEqual(navigationFilters([], 7, 'a@x.com'), [['name', '!=', 7]]);
    assert.deepEqual(navigationFilters(undefined, 7, 'a@x.com'), [['name', '!=', 7]]);
  });

  it('turns a saved dict into conditions, replaces @me and drops __assigned_on', () => {
    assert.deepEqual(
      navigationFilters(
        {
          status: 'Open',
          _assign: ['like', '%@me%'],
          __assigned_on: ['timespan', 'last 7 days'],
        },
        7,
        'a@x.com',
      ),
      [
        ['status', '=', 'Open'],
        ['_assign', 'like', '%a@x.com%'],
        ['name', '!=', 7],
      ],
    );
  });

  it('keeps well-formed list conditions only', () => {
    assert.deepEqual(
      navigationFilters(
        [['owner', '=', '@me'], ['broken'], 'text', ['__assigned_on', '>', '2026-01-01']],
        7,
        'a@x.com',
      ),
      [
        ['owner', '=', 'a@x.com'],
        ['name', '!=', 7],
      ],
    );
  });
});
