import { STANDARD_FIELDNAMES } from '@helpdesk/shared-frappe-api';
import type { FrappeDocument } from './doctype-resource.js';

/** A stored value and the one a client sent back are the same (Check 0/1, numbers as text). */
export function sameValue(stored: unknown, sent: unknown): boolean {
  if (stored === sent) return true;
  if (stored === null || stored === undefined) return sent === null || sent === '';
  if (typeof stored === 'boolean') return stored === (sent === 1 || sent === true);
  return String(stored) === String(sent);
}

/**
 * Clients save a whole document back (`frappe.client.save`, a PUT of what they read). Standard and
 * system fields that merely repeat the stored values are not changes; `modified` stays, because it
 * is how a stale copy is recognised. `_seen` is never a change: it grows as people open the ticket,
 * so a copy read a moment ago may already lack someone, and Frappe does not take it from a save.
 */
export function withoutRepeatedSystemFields(
  changes: Record<string, unknown>,
  current: FrappeDocument,
): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(changes).filter(
      ([field, value]) =>
        field !== '_seen' &&
        (field === 'modified' ||
          !(STANDARD_FIELDNAMES.has(field) || field.startsWith('_')) ||
          !sameValue(current[field], value)),
    ),
  );
}
