import { FrappeError } from '@helpdesk/shared-frappe-api';

export const RATE_LIMIT_MESSAGE =
  'You hit the rate limit because of too many requests. Please try after sometime.';

/**
 * 429 in Frappe's envelope, with the headers Frappe's site limiter sends: when to retry, the
 * limit that was hit and when its window resets.
 */
export class TooManyRequests extends FrappeError {
  readonly headers: Record<string, string>;

  constructor(limit: number, msBeforeNext: number, message: string = RATE_LIMIT_MESSAGE) {
    super('TooManyRequestsError', message);
    const seconds = Math.max(1, Math.ceil(msBeforeNext / 1000));
    this.headers = {
      'Retry-After': String(seconds),
      'X-RateLimit-Limit': String(limit),
      'X-RateLimit-Remaining': '0',
      'X-RateLimit-Reset': String(seconds),
    };
  }
}
