import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { Redis } from 'ioredis';
import { uniqueNamespace } from '@helpdesk/shared-testing';
import { LoginThrottle } from './login-throttle.js';
import type { RateLimitSettings } from './rate-limit-policy.js';
import { RateLimits } from './rate-limits.js';
import { TooManyRequests } from './too-many-requests.js';

const UNLIMITED: RateLimitSettings = {
  sitePerMinute: 0,
  ipPerMinute: 0,
  guestIpPerMinute: 0,
  userPerMinute: 0,
  consecutiveLoginFailures: 0,
  lockoutSeconds: 60,
};

const redis = new Redis('redis://127.0.0.1:6379');
after(() => redis.quit());

/** Two replicas: separate limiters over the same Redis and key prefix. */
function replicas(settings: Partial<RateLimitSettings>, endpoints = [] as const) {
  const prefix = `helpdesk:${uniqueNamespace()}`;
  return [0, 1].map(() => new RateLimits(redis, prefix, { ...UNLIMITED, ...settings }, endpoints));
}

/** How many of `attempts` calls (alternating replicas) were admitted before the first 429. */
async function admitted(calls: (i: number) => Promise<void>, attempts: number) {
  let ok = 0;
  let refusal: TooManyRequests | undefined;
  for (let i = 0; i < attempts; i += 1) {
    try {
      await calls(i);
      ok += 1;
    } catch (error) {
      if (!(error instanceof TooManyRequests)) throw error;
      refusal ??= error;
    }
  }
  return { ok, refusal };
}

describe('rate limits (Redis, shared by replicas)', () => {
  it("holds a user's budget across replicas and answers 429 with Retry-After", async () => {
    const gateways = replicas({ userPerMinute: 5 });
    const { ok, refusal } = await admitted((i) => gateways[i % 2]!.admitUser('ann@example.com'), 9);
    assert.equal(ok, 5);
    assert.equal(refusal?.httpStatus, 429);
    assert.equal(refusal?.excType, 'TooManyRequestsError');
    assert.equal(refusal?.headers['X-RateLimit-Limit'], '5');
    const retryAfter = Number(refusal?.headers['Retry-After']);
    assert.ok(retryAfter >= 1 && retryAfter <= 60, `Retry-After ${retryAfter}`);
    // Another user has their own budget; Guest is limited by address instead.
    await gateways[0]!.admitUser('bob@example.com');
    await gateways[0]!.admitUser('Guest');
  });

  it('limits one address, guests more tightly, and the whole site', async () => {
    const gateways = replicas({ ipPerMinute: 6, guestIpPerMinute: 2 });
    const guests = await admitted((i) => gateways[i % 2]!.admitClient('10.0.0.1', false), 5);
    assert.equal(guests.ok, 2);
    const signedIn = await admitted((i) => gateways[i % 2]!.admitClient('10.0.0.1', true), 9);
    assert.equal(signedIn.ok, 6, 'credentialed calls have their own, larger budget');
    await gateways[0]!.admitClient('10.0.0.2', false);

    const site = replicas({ sitePerMinute: 4 });
    const all = await admitted((i) => site[i % 2]!.admitClient(`10.1.0.${i}`, true), 7);
    assert.equal(all.ok, 4, 'the site limit counts every address');
  });

  it("counts a method's own limit per address and per value of its key argument", async () => {
    const gateways = replicas({}, [
      {
        method: 'helpdesk.api.knowledge_base.increment_views',
        limit: 2,
        seconds: 3600,
        key: 'article',
      },
      { method: 'frappe.core.api.user_invitation.accept_invitation', limit: 3, seconds: 3600 },
    ] as never);
    const views =
      (article: string, ip = '10.0.0.1') =>
      (i: number) =>
        gateways[i % 2]!.admitMethod('helpdesk.api.knowledge_base.increment_views', ip, {
          article,
        });
    assert.equal((await admitted(views('a1'), 4)).ok, 2);
    assert.equal((await admitted(views('a2'), 4)).ok, 2, 'another article, another count');
    assert.equal((await admitted(views('a1', '10.0.0.9'), 4)).ok, 2, 'another address too');
    const accept = (i: number) =>
      gateways[i % 2]!.admitMethod(
        'frappe.core.api.user_invitation.accept_invitation',
        '10.0.0.1',
        {
          key: `k${i}`,
        },
      );
    const invitation = await admitted(accept, 6);
    assert.equal(invitation.ok, 3);
    assert.equal(invitation.refusal?.headers['X-RateLimit-Limit'], '3');
    const retryAfter = Number(invitation.refusal?.headers['Retry-After']);
    assert.ok(retryAfter > 3000 && retryAfter <= 3600, `an hour's window (${retryAfter} s)`);
    await gateways[0]!.admitMethod('frappe.client.get_list', '10.0.0.1', {});
  });

  it('still limits each replica from memory while Redis is unreachable', async () => {
    const down = new Redis('redis://127.0.0.1:1', {
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
    });
    try {
      const limits = new RateLimits(down, 'helpdesk:down', { ...UNLIMITED, userPerMinute: 3 });
      const { ok } = await admitted(() => limits.admitUser('ann@example.com'), 6);
      assert.equal(ok, 3);
    } finally {
      down.disconnect();
    }
  });
});

describe('login throttle', () => {
  it('locks a user out after consecutive failures, across replicas, until the window ends', async () => {
    const prefix = `helpdesk:${uniqueNamespace()}`;
    const settings = { ...UNLIMITED, consecutiveLoginFailures: 3, lockoutSeconds: 60 };
    const [one, two] = [
      new LoginThrottle(redis, prefix, settings),
      new LoginThrottle(redis, prefix, settings),
    ];
    for (let i = 0; i < 3; i += 1) {
      await (i % 2 ? two! : one!).check('Ann@Example.com', '10.0.0.1');
      await (i % 2 ? two! : one!).failed('Ann@Example.com', '10.0.0.1');
    }
    await assert.rejects(
      () => two!.check('ann@example.com', '10.0.0.2'),
      (error: unknown) =>
        error instanceof TooManyRequests &&
        /locked and will resume after \d+ seconds/.test(error.message),
    );
    await one!.check('bob@example.com', '10.0.0.1');
  });

  it("a success clears the user's failures", async () => {
    const prefix = `helpdesk:${uniqueNamespace()}`;
    const throttle = new LoginThrottle(redis, prefix, {
      ...UNLIMITED,
      consecutiveLoginFailures: 2,
      lockoutSeconds: 60,
    });
    await throttle.failed('cat@example.com', '10.0.0.1');
    await throttle.succeeded('cat@example.com');
    await throttle.failed('cat@example.com', '10.0.0.1');
    await throttle.check('cat@example.com', '10.0.0.1');
  });
});
