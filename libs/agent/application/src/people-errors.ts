import { PeopleRuleViolation } from '@helpdesk/agent-domain';
import { ConcurrencyError } from '@helpdesk/shared-event-store';
import { FrappeError } from '@helpdesk/shared-frappe-api';

/** Maps refused people commands and lost races to the Frappe error a client expects. */
export function toFrappeError(error: unknown, doctype: string, name?: string): unknown {
  if (error instanceof PeopleRuleViolation) {
    switch (error.kind) {
      case 'mandatory':
        return new FrappeError('MandatoryError', error.message);
      case 'duplicate':
        return new FrappeError('DuplicateEntryError', error.message);
      case 'not-found':
        return FrappeError.doesNotExist(doctype, name ?? '');
      case 'permission':
        return FrappeError.permission(error.message);
      case 'link':
        return new FrappeError('LinkValidationError', error.message);
      case 'link-exists':
        return new FrappeError('LinkExistsError', error.message);
      case 'invalid':
        return FrappeError.validation(error.message);
    }
  }
  if (error instanceof ConcurrencyError)
    return FrappeError.conflict(doctype, name ?? error.streamId);
  return error;
}
