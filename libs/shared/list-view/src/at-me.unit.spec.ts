import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { substituteAtMe } from './at-me.js';

describe('@me in list filters', () => {
  it('replaces the value of list conditions, and only the value', () => {
    assert.deepEqual(
      substituteAtMe(
        [
          ['_assign', 'like', '%@me%'],
          ['owner', '=', '@me'],
          ['subject', 'like', '@me is not me'],
        ],
        'ann@example.com',
      ),
      [
        ['_assign', 'like', '%ann@example.com%'],
        ['owner', '=', 'ann@example.com'],
        ['subject', 'like', '@me is not me'],
      ],
    );
  });

  it('replaces dict values and the elements of dict list values', () => {
    assert.deepEqual(
      substituteAtMe(
        { owner: '@me', _assign: ['like', '%@me%'], status: 'Open' },
        'ann@example.com',
      ),
      { owner: 'ann@example.com', _assign: ['like', '%ann@example.com%'], status: 'Open' },
    );
  });

  it('replaces inside a list value, as in "owner in [@me]"', () => {
    assert.deepEqual(
      substituteAtMe([['owner', 'in', ['@me', 'bob@example.com']]], 'ann@example.com'),
      [['owner', 'in', ['ann@example.com', 'bob@example.com']]],
    );
    assert.deepEqual(substituteAtMe({ owner: ['in', ['@me']] }, 'ann@example.com'), {
      owner: ['in', ['ann@example.com']],
    });
  });

  it('leaves the given filters untouched', () => {
    const filters = { owner: '@me' };
    substituteAtMe(filters, 'ann@example.com');
    assert.deepEqual(filters, { owner: '@me' });
  });
});
