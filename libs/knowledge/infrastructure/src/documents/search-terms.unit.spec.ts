import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { prefixQuery } from './search-terms.js';

describe('prefixQuery', () => {
  it('requires every word and lets the last one be a prefix', () => {
    assert.equal(prefixQuery('Reset pass'), 'reset & pass:*');
  });

  it('keeps only words, so tsquery syntax and SQL in the text stay plain words', () => {
    assert.equal(
      prefixQuery(`a' | !b & (c:*) -- ; DROP TABLE x`),
      'a & b & c & drop & table & x:*',
    );
  });

  it('has nothing to search when there is no word', () => {
    assert.equal(prefixQuery(' !!! ?? '), null);
  });

  it('reads letters of any script', () => {
    assert.equal(prefixQuery('Rückerstattung'), 'rückerstattung:*');
  });
});
