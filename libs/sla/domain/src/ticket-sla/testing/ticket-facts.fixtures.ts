import {
  SEEDED_PRIORITIES,
  seededCalendar,
  wallClock,
  type SeededPriority,
} from '@helpdesk/shared-working-time/testing';
import type { SlaTerms } from '../sla-terms.js';
import { evolveSlaTicket } from '../sla-ticket.evolve.js';
import type { SlaTicketFact, StatusCategory } from '../sla-ticket.facts.js';
import { initialSlaTicketState, type SlaTicketState } from '../sla-ticket.state.js';

/** Shared givens for the ticket SLA specs: the seeded SLA, in Berlin (UTC+1 that November). */
export const at = wallClock('+01:00');
export const CALENDAR = seededCalendar('Europe/Berlin');

export function termsFor(priority: SeededPriority, changes: Partial<SlaTerms> = {}): SlaTerms {
  return {
    calendar: CALENDAR,
    ...SEEDED_PRIORITIES[priority],
    applySlaForResolution: true,
    ...changes,
  };
}

/** The seeded statuses and one custom status per category. */
const CATEGORIES: Record<string, StatusCategory> = {
  Open: 'Open',
  'In Progress': 'Open',
  Replied: 'Paused',
  'On Hold': 'Paused',
  Resolved: 'Resolved',
  Completed: 'Resolved',
  Closed: 'Resolved',
};
export type StatusName = keyof typeof CATEGORIES;

export function opened(when: Date): SlaTicketFact {
  return { type: 'opened', at: when, slaCreation: when, status: 'Open', category: 'Open' };
}

/** A fact that depends on the ticket so far. */
export type Step = SlaTicketFact | ((ticket: SlaTicketState) => SlaTicketFact);

/**
 * A status move with the dates ticket-service records alongside it: the first response when a
 * ticket first enters Paused or goes straight from Open to Resolved, the resolution date on
 * entering Resolved.
 */
export function moveTo(status: StatusName, when: Date): Step {
  return (ticket) => {
    const category = CATEGORIES[status] ?? 'Open';
    const respondsNow =
      category === 'Paused' || (ticket.category === 'Open' && category === 'Resolved');
    const firstRespondedOn = ticket.firstRespondedOn ?? (respondsNow ? when.toISOString() : null);
    const keepsResolution = ticket.category === 'Resolved' && ticket.resolutionDate !== null;
    const resolutionDate =
      category !== 'Resolved' ? null : keepsResolution ? ticket.resolutionDate : when.toISOString();
    return {
      type: 'status-changed',
      at: when,
      status,
      category,
      firstRespondedOn: firstRespondedOn === null ? null : new Date(firstRespondedOn),
      resolutionDate: resolutionDate === null ? null : new Date(resolutionDate),
    };
  };
}

export function replied(when: Date): SlaTicketFact {
  return { type: 'first-responded', at: when };
}

export function holdTimeSet(totalHoldTime: number, when: Date): SlaTicketFact {
  return { type: 'hold-time-set', at: when, totalHoldTime };
}

/** The state after these facts, in order. */
export function given(...steps: Step[]): SlaTicketState {
  let state = initialSlaTicketState;
  for (const step of steps) {
    const fact = typeof step === 'function' ? step(expectOpened(state)) : step;
    state = evolveSlaTicket(state, fact);
  }
  return expectOpened(state);
}

function expectOpened(state: SlaTicketState | null): SlaTicketState {
  if (state === null) throw new Error('the givens must start with opened(...)');
  return state;
}
