import type { Redis } from 'ioredis';
import {
  RateLimiterMemory,
  RateLimiterRedis,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';
import type { RateLimitSettings } from './rate-limit-policy.js';
import { TooManyRequests } from './too-many-requests.js';

/**
 * Frappe's login failure trackers: once `consecutiveLoginFailures` sign-ins of one user (or five
 * times as many from one address) have failed within `lockoutSeconds` of the first, further
 * attempts are refused until that window ends, right or wrong, without computing the password's
 * slow hash. A success clears the user's count.
 */
export class LoginThrottle {
  private readonly byUser?: RateLimiterAbstract;
  private readonly byIp?: RateLimiterAbstract;

  constructor(redis: Redis, keyPrefix: string, settings: RateLimitSettings) {
    const failures = settings.consecutiveLoginFailures;
    if (failures <= 0) return;
    const make = (name: string, points: number) => {
      const options = {
        keyPrefix: `${keyPrefix}:login-failures:${name}`,
        points,
        duration: settings.lockoutSeconds,
      };
      return new RateLimiterRedis({
        ...options,
        storeClient: redis,
        insuranceLimiter: new RateLimiterMemory(options),
      });
    };
    this.byUser = make('user', failures);
    this.byIp = make('ip', failures * 5);
  }

  /** Refuses an attempt while the user or the address is locked out. */
  async check(user: string, ip: string): Promise<void> {
    for (const [limiter, key] of this.pairs(user, ip)) {
      const state = await limiter.get(key).catch(() => null);
      if (state !== null && state.consumedPoints >= limiter.points && state.msBeforeNext > 0) {
        const seconds = Math.ceil(state.msBeforeNext / 1000);
        throw new TooManyRequests(
          limiter.points,
          state.msBeforeNext,
          `Your account has been locked and will resume after ${seconds} seconds`,
        );
      }
    }
  }

  async failed(user: string, ip: string): Promise<void> {
    for (const [limiter, key] of this.pairs(user, ip)) await limiter.consume(key).catch(() => null);
  }

  async succeeded(user: string): Promise<void> {
    await this.byUser?.delete(normalised(user)).catch(() => false);
  }

  private pairs(user: string, ip: string): [RateLimiterAbstract, string][] {
    const pairs: [RateLimiterAbstract, string][] = [];
    if (this.byUser) pairs.push([this.byUser, normalised(user)]);
    if (this.byIp) pairs.push([this.byIp, ip]);
    return pairs;
  }
}

function normalised(user: string): string {
  return user.trim().toLowerCase();
}
