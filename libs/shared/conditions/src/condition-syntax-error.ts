/**
 * A condition that is not in the accepted grammar. The application turns it into Frappe's
 * ValidationError (417) when a rule is saved; a stored rule that fails to parse never matches.
 */
export class ConditionSyntaxError extends Error {
  constructor(
    readonly reason: string,
    /** Offset in the source text, when the error has one. */
    readonly position: number | null = null,
  ) {
    super(position === null ? reason : `${reason} at position ${position}`);
    this.name = 'ConditionSyntaxError';
  }
}
