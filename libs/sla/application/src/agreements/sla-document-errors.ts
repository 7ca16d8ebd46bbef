import { ConcurrencyError } from '@helpdesk/shared-event-store';
import { FrappeError } from '@helpdesk/shared-frappe-api';
import { SlaDocumentViolation } from '@helpdesk/sla-domain';

/** Maps refused SLA document commands and lost races to the Frappe error a client expects. */
export function toSlaFrappeError(error: unknown, doctype: string, name: string): unknown {
  if (error instanceof SlaDocumentViolation) {
    const title = error.excType === 'MandatoryError' ? 'Missing Fields' : undefined;
    return new FrappeError(error.excType, error.message, title);
  }
  if (error instanceof ConcurrencyError) return FrappeError.conflict(doctype, name);
  return error;
}
