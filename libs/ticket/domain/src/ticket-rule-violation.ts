/**
 * `forbidden` is Frappe's PermissionError (403); `invalid` its ValidationError (417); `not-found`
 * DoesNotExistError (404); `already-exists` DuplicateEntryError (409); `mandatory` MandatoryError;
 * `stale` TimestampMismatchError (the document changed since the caller read it).
 */
export type TicketRuleKind =
  'mandatory' | 'invalid' | 'already-exists' | 'not-found' | 'forbidden' | 'stale';

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
