import { Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';
import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';
import {
  ENDPOINT_RATE_LIMITS,
  type EndpointRateLimit,
  type RateLimitSettings,
} from './rate-limit-policy.js';
import { TooManyRequests } from './too-many-requests.js';

interface Limit {
  limiter: RateLimiterAbstract;
  points: number;
}

/**
 * Request limits counted in Redis, so every gateway replica enforces the same budget. Should Redis
 * be unreachable, each replica falls back to counting in its own memory rather than failing
 * requests or letting them through unchecked.
 */
export class RateLimits {
  private readonly logger = new Logger('RateLimits');
  private readonly site?: Limit;
  private readonly ip?: Limit;
  private readonly guestIp?: Limit;
  private readonly user?: Limit;
  private readonly endpoints = new Map<string, { rule: EndpointRateLimit } & Limit>();

  constructor(
    private readonly redis: Redis,
    private readonly keyPrefix: string,
    settings: RateLimitSettings,
    endpoints: readonly EndpointRateLimit[] = ENDPOINT_RATE_LIMITS,
  ) {
    this.site = this.limit('site', settings.sitePerMinute, 60);
    this.ip = this.limit('ip', settings.ipPerMinute, 60);
    this.guestIp = this.limit('guest-ip', settings.guestIpPerMinute, 60);
    this.user = this.limit('user', settings.userPerMinute, 60);
    for (const rule of endpoints) {
      const limit = this.limit(`method:${rule.method}`, rule.limit, rule.seconds);
      if (limit) this.endpoints.set(rule.method, { rule, ...limit });
    }
  }

  /** Before credentials are checked: the site's budget and the caller's address. */
  async admitClient(ip: string, presentsCredentials: boolean): Promise<void> {
    // One round trip's wait for both: the two counters are independent keys.
    await Promise.all([
      this.consume(this.site, 'all'),
      this.consume(presentsCredentials ? this.ip : this.guestIp, ip),
    ]);
  }

  /** Once the caller is known: a signed-in user's own budget, whichever address they use. */
  async admitUser(user: string): Promise<void> {
    if (user !== 'Guest') await this.consume(this.user, user);
  }

  /** A method's own limit (`@rate_limit`), per address and, if it names one, argument value. */
  async admitMethod(method: string, ip: string, params: Record<string, unknown>): Promise<void> {
    const endpoint = this.endpoints.get(method);
    if (!endpoint) return;
    const key = endpoint.rule.key ? `${ip}:${String(params[endpoint.rule.key] ?? '')}` : ip;
    await this.consume(endpoint, key);
  }

  private limit(name: string, points: number, duration: number): Limit | undefined {
    if (points <= 0) return undefined;
    const keyPrefix = `${this.keyPrefix}:rate-limit:${name}`;
    const limiter = new RateLimiterRedis({
      storeClient: this.redis,
      keyPrefix,
      points,
      duration,
      // Keys already over their limit are refused from memory until the window ends.
      inMemoryBlockOnConsumed: points,
      insuranceLimiter: new RateLimiterMemory({ keyPrefix, points, duration }),
    });
    return { limiter, points };
  }

  private async consume(limit: Limit | undefined, key: string): Promise<void> {
    if (!limit) return;
    try {
      await limit.limiter.consume(key);
    } catch (refused) {
      if (refused instanceof RateLimiterRes)
        throw new TooManyRequests(limit.points, refused.msBeforeNext);
      this.logger.warn({ msg: 'rate limit not checked', error: String(refused) });
    }
  }
}
