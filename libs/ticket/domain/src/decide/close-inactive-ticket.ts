import { AUTO_CLOSED_STATUS, isAutoCloseDue, type AutoCloseSettings } from '../auto-close.js';
import type { TicketEvent } from '../ticket.events.js';
import type { TicketLookups } from '../ticket.context.js';
import type { ExistingTicket, TicketState } from '../ticket.state.js';
import { eventMeta, statusCategory } from './guards.js';
import { statusChange } from './status-change.js';

/**
 * `close_tickets_after_n_days` for one ticket, on behalf of `actor` (Administrator): decided
 * again from the ticket as it is now, so a ticket that has moved on since it was scheduled is
 * left alone.
 */
export interface CloseInactiveTicket {
  type: 'CloseInactiveTicket';
  data: { name: number };
  context: {
    actor: string;
    now: Date;
    settings: AutoCloseSettings;
    lookups: Pick<TicketLookups, 'statusCategoryOf'>;
  };
}

/**
 * Closes the ticket when it is still in the auto-close status and its latest Communication is
 * more than N days old: the status change a save to "Closed" makes, then the auto-close fact.
 * Frappe saves it with validation skipped, so no save rule (such as mandatory feedback) can
 * refuse it. A ticket gone, moved on or not yet due decides nothing, so running it twice closes
 * once.
 */
export function closeInactiveTicket(
  command: CloseInactiveTicket,
  state: TicketState,
): TicketEvent[] {
  const { context } = command;
  if (state.kind !== 'existing') return [];
  const candidate = { status: state.status, lastCommunicationAt: latestCommunicationAt(state) };
  if (!isAutoCloseDue(candidate, context.settings, context.now)) return [];
  const meta = eventMeta(state, context);
  const category = statusCategory(AUTO_CLOSED_STATUS, context.lookups.statusCategoryOf);
  return [
    ...statusChange(state, AUTO_CLOSED_STATUS, category, meta),
    { type: 'TicketClosedForInactivity', data: { ...meta, days: context.settings.days } },
  ];
}

/** The date of the ticket's latest Communication, or null when it has none. */
export function latestCommunicationAt(ticket: ExistingTicket): string | null {
  let latest: string | null = null;
  let latestMs = -Infinity;
  for (const { at } of ticket.communications.values()) {
    const ms = Date.parse(at);
    if (ms > latestMs) [latest, latestMs] = [at, ms];
  }
  return latest;
}
