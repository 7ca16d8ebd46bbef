import {
  deadlineAfter,
  workingSecondsBetween,
  type WorkingCalendar,
} from '@helpdesk/shared-working-time';
import {
  agreementStatusAt,
  failsAt,
  type AgreementMilestones,
  type AgreementStatus,
} from './agreement-status.js';
import type { SlaTerms } from './sla-terms.js';
import { NO_HOLD_TIME, type HoldTime, type SlaTicketState } from './sla-ticket.state.js';

/** The SLA fields of an HD Ticket. Durations are working seconds. */
export interface SlaOutcome {
  readonly responseBy: Date;
  readonly resolutionBy: Date | null;
  readonly agreementStatus: AgreementStatus;
  readonly onHoldSince: Date | null;
  readonly totalHoldTime: number;
  readonly firstRespondedOn: Date | null;
  readonly firstResponseTime: number | null;
  readonly firstResponseFailedBy: number | null;
  readonly resolutionDate: Date | null;
  readonly resolutionTime: number | null;
  readonly resolutionFailedBy: number | null;
  /**
   * The next instant at which agreementStatus would turn Failed if nothing else happens: the
   * earliest deadline not yet met, or null (none left, or Failed already). At that instant the
   * ticket is still within it; from just after, it is Failed. A timer fires then.
   */
  readonly failsAt: Date | null;
}

/**
 * A ticket's SLA fields under `terms` (helpdesk-behaviour §1.5–§1.8). Everything comes from the
 * state's facts except `now`, which only decides whether an unmet deadline has passed.
 *
 * Deadlines always count from `service_level_agreement_creation`: the response budget is the
 * response time, the resolution budget the resolution time plus the total hold time, so ending
 * a pause moves `resolutionBy` later by the paused working time, while a running pause does not.
 *
 * Deliberate differences from Frappe, which stores each figure when a status changes:
 * - `firstResponseTime` is known as soon as `firstRespondedOn` is, also after a reply that did
 *   not change the status (Frappe leaves it empty then), so it matches the metrics workers.
 * - Hold periods and the failed-by figures are measured in the current calendar and against
 *   the deadlines shown, so a later change of SLA or priority re-measures them consistently
 *   instead of leaving figures computed under the old terms.
 */
export function slaOutcome(terms: SlaTerms, state: SlaTicketState, now: Date): SlaOutcome {
  const { calendar } = terms;
  const created = new Date(state.slaCreation);
  const totalHoldTime = holdSeconds(calendar, state.holdTime);
  const milestones: AgreementMilestones = {
    responseBy: deadlineAfter(calendar, created, terms.responseTime),
    resolutionBy: resolutionDeadline(terms, created, totalHoldTime),
    firstRespondedOn: dateOrNull(state.firstRespondedOn),
    resolutionDate: dateOrNull(state.resolutionDate),
    onHoldSince: dateOrNull(state.onHoldSince),
    applySlaForResolution: terms.applySlaForResolution,
  };
  const { responseBy, resolutionBy, firstRespondedOn, resolutionDate } = milestones;
  const elapsed = (from: Date, to: Date) => workingSecondsBetween(calendar, from, to);
  const resolutionHold = holdSeconds(calendar, state.holdTimeAtResolution ?? NO_HOLD_TIME);
  return {
    responseBy,
    resolutionBy,
    agreementStatus: agreementStatusAt(milestones, now),
    onHoldSince: milestones.onHoldSince,
    totalHoldTime,
    firstRespondedOn,
    firstResponseTime: firstRespondedOn && elapsed(created, firstRespondedOn),
    firstResponseFailedBy: lateBy(elapsed, responseBy, firstRespondedOn),
    resolutionDate,
    resolutionTime:
      resolutionDate && Math.max(elapsed(created, resolutionDate) - resolutionHold, 0),
    resolutionFailedBy: resolutionBy && lateBy(elapsed, resolutionBy, resolutionDate),
    failsAt: failsAt(milestones, now),
  };
}

/** No resolution deadline when the SLA does not apply to resolution (or names no time for it). */
function resolutionDeadline(terms: SlaTerms, created: Date, totalHoldTime: number): Date | null {
  if (!terms.applySlaForResolution || terms.resolutionTime === null) return null;
  return deadlineAfter(terms.calendar, created, terms.resolutionTime + totalHoldTime);
}

/** Working seconds past the deadline, when the milestone came after it. */
function lateBy(
  elapsed: (from: Date, to: Date) => number,
  deadline: Date,
  milestone: Date | null,
): number | null {
  return milestone && milestone > deadline ? elapsed(deadline, milestone) : null;
}

/** `total_hold_time`: seconds set by hand plus the working seconds of each period since. */
export function holdSeconds(calendar: WorkingCalendar, holdTime: HoldTime): number {
  return holdTime.periods.reduce(
    (total, { from, to }) => total + workingSecondsBetween(calendar, new Date(from), new Date(to)),
    holdTime.setSeconds,
  );
}

function dateOrNull(instant: string | null): Date | null {
  return instant === null ? null : new Date(instant);
}
