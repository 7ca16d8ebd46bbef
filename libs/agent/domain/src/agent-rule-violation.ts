/** How a refused people command maps onto Frappe's exception types (done by the application). */
export type PeopleViolationKind =
  | 'mandatory'
  | 'duplicate'
  | 'not-found'
  | 'invalid'
  | 'invalid-email'
  | 'permission'
  | 'link'
  /** Another document links to this one, so it cannot be deleted (Frappe's LinkExistsError). */
  | 'link-exists';

/** A command agent-service's domain refuses, with the message Frappe would show. */
export class PeopleRuleViolation extends Error {
  constructor(
    readonly kind: PeopleViolationKind,
    message: string,
  ) {
    super(message);
    this.name = 'PeopleRuleViolation';
  }
}
