import type { ShowDatetime } from '../ticket.context.js';
import { TicketRuleViolation } from '../ticket-rule-violation.js';
import type { ExistingTicket } from '../ticket.state.js';

/** Frappe's naive datetime, `T` or space, with up to six fractional digits. */
const NAIVE_DATETIME = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})(?:\.(\d{1,6}))?$/;
const ZONED_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;

/**
 * Frappe's `check_if_latest`: a save that carries `modified` must carry the stored one, or the
 * caller edited a copy someone else has changed since. A save without `modified` is not checked.
 */
export function assertNotModifiedSince(
  ticket: ExistingTicket,
  sent: unknown,
  showDatetime: ShowDatetime,
): void {
  if (sent === undefined) return;
  const stored = showDatetime(ticket.modified);
  if (typeof sent === 'string' && sameInstant(sent, ticket.modified, stored)) return;
  throw new TicketRuleViolation(
    'stale',
    `Document has been modified after you have opened it (${stored}, ${String(sent)}). ` +
      'Please refresh to get the latest document.',
    ['modified'],
  );
}

/** The site's own rendering compares as text (padded to microseconds); a zoned one as an instant. */
function sameInstant(sent: string, modified: string, shown: string): boolean {
  const naive = NAIVE_DATETIME.exec(sent);
  if (naive) {
    const [, date, time, fraction = ''] = naive;
    return `${date} ${time}.${fraction.padEnd(6, '0')}` === shown;
  }
  return ZONED_DATETIME.test(sent) && Date.parse(sent) === Date.parse(modified);
}
