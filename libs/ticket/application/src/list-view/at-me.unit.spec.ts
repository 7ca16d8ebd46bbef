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

  it('leaves the given filters untouched', () => {
    const filters = { owner: '@me' };
    substituteAtMe(filters, 'ann@example.com');
    assert.deepEqual(filters, { owner: '@me' });
  });
});
