/** `HD Ticket Status.category`. */
export type StatusCategory = 'Open' | 'Paused' | 'Resolved';

/**
 * What the SLA needs to know about one ticket, each fact carrying its own time, so folding the
 * same facts always gives the same state (replay-safe): nothing here reads a clock.
 */
export type SlaTicketFact =
  SlaTicketOpened | SlaTicketStatusChanged | SlaTicketFirstResponded | SlaTicketHoldTimeSet;

export interface SlaTicketOpened {
  readonly type: 'opened';
  readonly at: Date;
  /** `service_level_agreement_creation`: when the SLA clock starts (usually `at`). */
  readonly slaCreation: Date;
  readonly status: string;
  readonly category: StatusCategory;
}

/** A save that changed `status`; the dates are the ticket's values after the change. */
export interface SlaTicketStatusChanged {
  readonly type: 'status-changed';
  readonly at: Date;
  readonly status: string;
  readonly category: StatusCategory;
  readonly firstRespondedOn: Date | null;
  readonly resolutionDate: Date | null;
}

/** An agent's reply set `first_responded_on` without changing the status. */
export interface SlaTicketFirstResponded {
  readonly type: 'first-responded';
  readonly at: Date;
}

/** An agent set `total_hold_time` by hand. */
export interface SlaTicketHoldTimeSet {
  readonly type: 'hold-time-set';
  readonly at: Date;
  readonly totalHoldTime: number;
}
