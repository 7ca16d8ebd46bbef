import { randomBytes } from 'node:crypto';

/** A NATS namespace no other test run shares. */
export function uniqueNamespace(prefix = 't'): string {
  return `${prefix}${randomBytes(5).toString('hex')}`;
}
