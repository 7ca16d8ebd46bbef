import type { SlaTicketFact, SlaTicketOpened, SlaTicketStatusChanged } from './sla-ticket.facts.js';
import {
  NO_HOLD_TIME,
  SlaTicketFactError,
  type HoldTime,
  type SlaTicketState,
} from './sla-ticket.state.js';

/**
 * Folds one fact into a ticket's SLA state: Frappe's `handle_doc_status` (helpdesk-behaviour
 * §1.4, §1.7) with every "now" taken from the fact. Durations are not computed here; the state
 * keeps the instants and `slaOutcome` measures them in the ticket's current working calendar.
 */
export function evolveSlaTicket(state: SlaTicketState | null, fact: SlaTicketFact): SlaTicketState {
  if (fact.type === 'opened') return opened(fact);
  if (state === null) {
    throw new SlaTicketFactError(`a ticket's SLA facts start with 'opened', not '${fact.type}'`);
  }
  switch (fact.type) {
    case 'status-changed':
      return statusChanged(state, fact);
    case 'first-responded':
      return { ...state, firstRespondedOn: state.firstRespondedOn ?? iso(fact.at) };
    case 'hold-time-set':
      if (!Number.isFinite(fact.totalHoldTime)) {
        throw new SlaTicketFactError(`total_hold_time ${fact.totalHoldTime} is not a number`);
      }
      // Replaces what the periods so far added up to; a pause still running is added later.
      return { ...state, holdTime: { setSeconds: fact.totalHoldTime, periods: [] } };
    default: {
      const unknown: never = fact;
      throw new SlaTicketFactError(`unknown SLA fact ${JSON.stringify(unknown)}`);
    }
  }
}

/** An `opened` fact starts the SLA clock afresh. */
function opened(fact: SlaTicketOpened): SlaTicketState {
  return {
    slaCreation: iso(fact.slaCreation),
    status: fact.status,
    category: fact.category,
    firstRespondedOn: null,
    onHoldSince: null,
    resolutionDate: null,
    holdTime: NO_HOLD_TIME,
    holdTimeAtResolution: null,
  };
}

/**
 * Only a real change of status counts, and Resolved → "Closed" changes nothing of the SLA
 * (Frappe skips `handle_doc_status` for it). Otherwise: first response, then resolution, then
 * hold, in Frappe's order, each seeing the state from before the change.
 */
function statusChanged(before: SlaTicketState, fact: SlaTicketStatusChanged): SlaTicketState {
  const moved: SlaTicketState = {
    ...before,
    status: fact.status,
    category: fact.category,
    firstRespondedOn: before.firstRespondedOn ?? isoOrNull(fact.firstRespondedOn),
  };
  if (fact.status === before.status) return moved;
  if (before.category === 'Resolved' && fact.status === 'Closed') return moved;
  return holdAfter(before, fact, resolutionAfter(before, fact, moved));
}

/**
 * `set_resolution_date`: leaving the Resolved category clears the resolution; entering it
 * resolves now, remembering the hold time so far (before this change's own hold update, which
 * is why a pause ended by resolving counts in `resolution_time`); moving within it keeps both.
 */
function resolutionAfter(
  before: SlaTicketState,
  fact: SlaTicketStatusChanged,
  moved: SlaTicketState,
): SlaTicketState {
  if (fact.category !== 'Resolved') {
    return { ...moved, resolutionDate: null, holdTimeAtResolution: null };
  }
  if (before.resolutionDate !== null && before.category === 'Resolved') return moved;
  return {
    ...moved,
    resolutionDate: iso(fact.resolutionDate ?? fact.at),
    holdTimeAtResolution: before.holdTime,
  };
}

/**
 * `set_hold_time`: entering Paused starts the hold (and clears any resolution); leaving it adds
 * the time since `on_hold_since`. Without `on_hold_since`, a reopen (Resolved → Open) adds the
 * time since the resolution date instead, so time spent resolved counts as hold.
 *
 * Deliberate difference: Frappe also falls back to the resolution date on a move from one
 * Resolved status to another (not "Closed"), adding the time since resolving again at every such
 * move and once more at the reopen. Here only the reopen adds it, once.
 */
function holdAfter(
  before: SlaTicketState,
  fact: SlaTicketStatusChanged,
  next: SlaTicketState,
): SlaTicketState {
  const wasPaused = before.category === 'Paused';
  const isPaused = fact.category === 'Paused';
  if (isPaused && !wasPaused) {
    return { ...next, resolutionDate: null, holdTimeAtResolution: null, onHoldSince: iso(fact.at) };
  }
  if (isPaused) return next;
  const reopened = fact.category === 'Open' ? before.resolutionDate : null;
  const pausedSince = before.onHoldSince ?? reopened;
  if (pausedSince === null) return { ...next, onHoldSince: null };
  return { ...next, onHoldSince: null, holdTime: withPeriod(next.holdTime, pausedSince, fact.at) };
}

function withPeriod(holdTime: HoldTime, from: string, to: Date): HoldTime {
  return { ...holdTime, periods: [...holdTime.periods, { from, to: iso(to) }] };
}

function iso(instant: Date): string {
  return instant.toISOString();
}

function isoOrNull(instant: Date | null): string | null {
  return instant === null ? null : iso(instant);
}
