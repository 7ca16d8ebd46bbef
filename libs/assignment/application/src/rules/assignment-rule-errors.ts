import { AssignmentRuleViolation } from '@helpdesk/assignment-domain';
import { ConcurrencyError } from '@helpdesk/shared-event-store';
import { FrappeError } from '@helpdesk/shared-frappe-api';

/** Maps refused rule commands and lost races to the Frappe error a client expects. */
export function toFrappeError(error: unknown, name?: string): unknown {
  if (error instanceof AssignmentRuleViolation) {
    switch (error.kind) {
      case 'mandatory':
        return new FrappeError('MandatoryError', error.message);
      case 'already-exists':
        return new FrappeError('DuplicateEntryError', error.message);
      case 'not-found':
        return FrappeError.doesNotExist('Assignment Rule', name ?? '');
      case 'invalid':
        return FrappeError.validation(error.message);
    }
  }
  if (error instanceof ConcurrencyError)
    return FrappeError.conflict('Assignment Rule', name ?? error.streamId);
  return error;
}
