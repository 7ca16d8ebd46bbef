export type TicketRuleKind = 'mandatory' | 'invalid' | 'already-exists' | 'not-found';

/** A command the ticket's rules refuse; the application maps `kind` to the API's error. */
export class TicketRuleViolation extends Error {
  constructor(
    readonly kind: TicketRuleKind,
    message: string,
    readonly fields: string[] = [],
  ) {
    super(message);
    this.name = 'TicketRuleViolation';
  }
}
