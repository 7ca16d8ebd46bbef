import { ConcurrencyError } from '@helpdesk/shared-event-store';
import { FrappeError } from '@helpdesk/shared-frappe-api';
import { TicketRuleViolation } from '@helpdesk/ticket-domain';

const DOCTYPE = 'HD Ticket';

/** Maps domain and store failures to the Frappe error a client expects. */
export function toFrappeError(error: unknown, name?: number): unknown {
  if (error instanceof TicketRuleViolation) {
    switch (error.kind) {
      case 'mandatory':
        return FrappeError.mandatory(DOCTYPE, error.fields);
      case 'already-exists':
        return new FrappeError('DuplicateEntryError', error.message);
      case 'not-found':
        return new FrappeError('DoesNotExistError', error.message);
      case 'forbidden':
        return FrappeError.permission(error.message);
      case 'invalid':
        return FrappeError.validation(error.message);
      case 'stale':
        return new FrappeError('TimestampMismatchError', error.message);
    }
  }
  if (error instanceof ConcurrencyError)
    return FrappeError.conflict(DOCTYPE, name ?? error.streamId);
  return error;
}
