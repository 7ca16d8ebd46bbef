import { createHash, randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';

/** What a login session holds; the user's roles are looked up fresh, never kept here. */
export interface LoginSession {
  user: string;
  /** Sent back by the client as `X-Frappe-CSRF-Token` on unsafe requests. */
  csrfToken: string;
  /** ISO time the session began: a password set after it ends the session. */
  startedAt: string;
}

const SID = /^[A-Za-z0-9_-]{32,128}$/;

/**
 * Login sessions (`sid` cookies) in Redis, shared by every gateway and realtime replica. A
 * session lives `ttlSeconds` after its last use (Frappe's `session_expiry`). Only a digest of the
 * sid is used as the key, so what Redis holds cannot be replayed as a cookie.
 */
export class LoginSessions {
  constructor(
    private readonly redis: Redis,
    private readonly keyPrefix: string,
    private readonly ttlSeconds: number,
  ) {}

  async open(user: string, now = new Date()): Promise<{ sid: string; session: LoginSession }> {
    const sid = randomBytes(32).toString('base64url');
    const session: LoginSession = {
      user,
      csrfToken: randomBytes(24).toString('base64url'),
      startedAt: now.toISOString(),
    };
    await this.redis.set(this.key(sid), JSON.stringify(session), 'EX', this.ttlSeconds);
    return { sid, session };
  }

  /** The session of a `sid` cookie, its expiry pushed back; undefined when unknown or expired. */
  async read(sid: string | undefined): Promise<LoginSession | undefined> {
    if (sid === undefined || !SID.test(sid)) return undefined;
    const stored = await this.redis.getex(this.key(sid), 'EX', this.ttlSeconds);
    return stored === null ? undefined : (JSON.parse(stored) as LoginSession);
  }

  async close(sid: string | undefined): Promise<void> {
    if (sid !== undefined && SID.test(sid)) await this.redis.del(this.key(sid));
  }

  private key(sid: string): string {
    return `${this.keyPrefix}:session:${createHash('sha256').update(sid).digest('base64url')}`;
  }
}

/** The Redis key prefix of a deployment's login sessions (namespaced like its streams). */
export function loginSessionPrefix(namespace: string): string {
  return namespace === '' ? 'helpdesk' : `helpdesk:${namespace}`;
}

/** A session is over once its user's password was set after it began. */
export function sessionOutlived(session: LoginSession, passwordSetAt: string | null): boolean {
  return passwordSetAt !== null && Date.parse(passwordSetAt) > Date.parse(session.startedAt);
}
