export {
  agreementStatusAt,
  failsAt,
  type AgreementMilestones,
  type AgreementStatus,
} from './agreement-status.js';
export { holdSeconds, slaOutcome, type SlaOutcome } from './sla-outcome.js';
export type { SlaTerms } from './sla-terms.js';
export { evolveSlaTicket } from './sla-ticket.evolve.js';
export type {
  SlaTicketFact,
  SlaTicketFirstResponded,
  SlaTicketHoldTimeSet,
  SlaTicketOpened,
  SlaTicketStatusChanged,
  StatusCategory,
} from './sla-ticket.facts.js';
export {
  initialSlaTicketState,
  SlaTicketFactError,
  type HoldPeriod,
  type HoldTime,
  type IsoInstant,
  type SlaTicketState,
} from './sla-ticket.state.js';
