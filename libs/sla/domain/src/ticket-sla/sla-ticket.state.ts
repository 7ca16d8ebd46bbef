import type { StatusCategory } from './sla-ticket.facts.js';

/** An instant as an ISO-8601 UTC string (`Date.toISOString()`), so the state is plain JSON. */
export type IsoInstant = string;

/** A stretch the ticket spent on hold (or resolved, before a reopen). */
export interface HoldPeriod {
  readonly from: IsoInstant;
  readonly to: IsoInstant;
}

/**
 * `total_hold_time`, kept as what it is made of rather than as a number: seconds an agent set by
 * hand, plus the periods on hold since. The periods are measured in working seconds of the
 * ticket's current calendar when an outcome is computed, so the state needs no calendar.
 */
export interface HoldTime {
  readonly setSeconds: number;
  readonly periods: readonly HoldPeriod[];
}

/** The SLA's memory of one ticket, folded from its facts. Stored as JSON. */
export interface SlaTicketState {
  readonly slaCreation: IsoInstant;
  readonly status: string;
  readonly category: StatusCategory;
  readonly firstRespondedOn: IsoInstant | null;
  readonly onHoldSince: IsoInstant | null;
  readonly resolutionDate: IsoInstant | null;
  readonly holdTime: HoldTime;
  /** The hold time as it stood when the ticket was resolved; `resolution_time` subtracts it. */
  readonly holdTimeAtResolution: HoldTime | null;
}

/** Before its `opened` fact a ticket has no SLA state. */
export const initialSlaTicketState: SlaTicketState | null = null;

export const NO_HOLD_TIME: HoldTime = { setSeconds: 0, periods: [] };

/** Facts that cannot be folded: anything before `opened`, or a hold time that is not a number. */
export class SlaTicketFactError extends Error {
  override readonly name = 'SlaTicketFactError';
}
