import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { VerifiedCache } from './verified-cache.js';

describe('VerifiedCache', () => {
  it('asks once for concurrent lookups and remembers the answer', async () => {
    const cache = new VerifiedCache<string>(60_000);
    let asked = 0;
    const load = async () => {
      asked += 1;
      await new Promise((resolve) => setImmediate(resolve));
      return 'ann';
    };
    const answers = await Promise.all([1, 2, 3].map(() => cache.get('k', load)));
    assert.deepEqual(answers, ['ann', 'ann', 'ann']);
    assert.equal(await cache.get('k', load), 'ann');
    assert.equal(asked, 1);
  });

  it('does not remember failures, nor anything with a zero time to live', async () => {
    const failing = new VerifiedCache<string>(60_000);
    await assert.rejects(() => failing.get('k', () => Promise.reject(new Error('no'))));
    assert.equal(await failing.get('k', async () => 'ok'), 'ok');
    const uncached = new VerifiedCache<number>(0);
    let asked = 0;
    await uncached.get('k', async () => ++asked);
    await uncached.get('k', async () => ++asked);
    assert.equal(asked, 2);
  });

  it('drops the oldest entry when full', async () => {
    const cache = new VerifiedCache<number>(60_000, 2);
    await cache.get('a', async () => 1);
    await cache.get('b', async () => 2);
    await cache.get('c', async () => 3);
    assert.equal(await cache.get('a', async () => 10), 10);
    assert.equal(await cache.get('c', async () => 30), 3);
  });
});
