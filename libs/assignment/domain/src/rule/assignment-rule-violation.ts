/**
 * `invalid` is Frappe's ValidationError (417); `mandatory` MandatoryError (417); `not-found`
 * DoesNotExistError (404); `already-exists` DuplicateEntryError (409).
 */
export type AssignmentRuleViolationKind = 'mandatory' | 'invalid' | 'not-found' | 'already-exists';

/** A command the assignment rule's rules refuse; the application maps `kind` to the API's error. */
export class AssignmentRuleViolation extends Error {
  constructor(
    readonly kind: AssignmentRuleViolationKind,
    message: string,
    readonly fields: string[] = [],
  ) {
    super(message);
    this.name = 'AssignmentRuleViolation';
  }
}
