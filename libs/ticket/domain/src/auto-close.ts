/**
 * HD Settings' auto-close (`close_tickets_after_n_days`, helpdesk-behaviour §3.3): a ticket left
 * in `auto_close_status` whose latest Communication is more than `auto_close_after_days` old is
 * closed. Frappe looks for such tickets once a day; here each ticket's due time is known in
 * advance, so it is closed when that time has passed.
 */

/** The status an inactive ticket is moved to. */
export const AUTO_CLOSED_STATUS = 'Closed';

const DAY_MS = 24 * 60 * 60 * 1000;

/** HD Settings `auto_close_tickets`, `auto_close_after_days` and `auto_close_status`. */
export interface AutoCloseSettings {
  enabled: boolean;
  days: number;
  status: string;
}

/** What the rule looks at on a ticket. */
export interface AutoCloseCandidate {
  status: string;
  /** The latest Communication's date (ISO-8601 or a Date); null when there is none. */
  lastCommunicationAt: string | Date | null;
}

/**
 * The settings as the rule reads them, from HD Settings by Frappe field name: a status left
 * empty is Frappe's default "Replied", and a day count that is not a positive whole number
 * turns the rule off (HD Settings refuses to save one while it is on).
 */
export function autoCloseSettingsOf(settings: {
  auto_close_tickets?: unknown;
  auto_close_after_days?: unknown;
  auto_close_status?: unknown;
}): AutoCloseSettings {
  const days = Number(settings.auto_close_after_days);
  const status = settings.auto_close_status;
  return {
    enabled: Number(settings.auto_close_tickets) === 1 && Number.isInteger(days) && days > 0,
    days: Number.isInteger(days) && days > 0 ? days : 0,
    status: typeof status === 'string' && status !== '' ? status : 'Replied',
  };
}

/**
 * The instant after which the ticket is inactive long enough to be closed: its latest
 * Communication plus N days (of 24 hours). Undefined when, as things stand, it never will be:
 * the rule is off, the ticket is in another status (or already Closed), or it has no
 * Communication.
 */
export function autoCloseDueAt(
  ticket: AutoCloseCandidate,
  settings: AutoCloseSettings,
): Date | undefined {
  if (!settings.enabled || ticket.status !== settings.status) return undefined;
  if (ticket.status === AUTO_CLOSED_STATUS || ticket.lastCommunicationAt === null) return undefined;
  const last = new Date(ticket.lastCommunicationAt).getTime();
  if (Number.isNaN(last)) return undefined;
  return new Date(last + settings.days * DAY_MS);
}

/**
 * Whether the ticket is to be closed at `now`: its latest Communication is strictly older than
 * now − N days, as Frappe's `communication_date < cutoff`.
 */
export function isAutoCloseDue(
  ticket: AutoCloseCandidate,
  settings: AutoCloseSettings,
  now: Date,
): boolean {
  const due = autoCloseDueAt(ticket, settings);
  return due !== undefined && now.getTime() > due.getTime();
}

/** The activity line Frappe logs after closing ("day" for one, "days" otherwise). */
export function autoCloseActivity(days: number): string {
  return `automatically closed the ticket after ${days} day${days === 1 ? '' : 's'} of inactivity`;
}
