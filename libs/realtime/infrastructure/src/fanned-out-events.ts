import type { Redis } from 'ioredis';

const CLAIM_MS = 30_000;
const REMEMBER_S = 86_400;

export type Claim = 'fresh' | 'done' | 'busy';

/**
 * Which ticket events have been fanned out, shared by the replicas in Redis, so a redelivered
 * event reaches nobody twice. A replica claims an event for 30 s before emitting and marks it done
 * after; a replica that dies holding a claim lets it lapse, and the redelivery then emits it.
 */
export class FannedOutEvents {
  constructor(
    private readonly redis: Redis,
    private readonly key: (eventId: string) => string,
  ) {}

  async claim(eventId: string): Promise<Claim> {
    const set = await this.redis.set(this.key(eventId), 'claimed', 'PX', CLAIM_MS, 'NX');
    if (set === 'OK') return 'fresh';
    return (await this.redis.get(this.key(eventId))) === 'done' ? 'done' : 'busy';
  }

  async done(eventId: string): Promise<void> {
    await this.redis.set(this.key(eventId), 'done', 'EX', REMEMBER_S);
  }

  /** Gives a claim back after a failure, so the redelivery need not wait for it to lapse. */
  async release(eventId: string): Promise<void> {
    const key = this.key(eventId);
    await this.redis.eval(
      `if redis.call('GET', KEYS[1]) == 'claimed' then return redis.call('DEL', KEYS[1]) end return 0`,
      1,
      key,
    );
  }
}
