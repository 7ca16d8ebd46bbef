import { KnowledgeRefusal } from '@helpdesk/knowledge-domain';
import { ConcurrencyError } from '@helpdesk/shared-event-store';
import { FrappeError } from '@helpdesk/shared-frappe-api';

/** Maps refused knowledge commands and lost races to the Frappe error a client expects. */
export function toKnowledgeFrappeError(error: unknown, doctype: string, name: string): unknown {
  if (error instanceof KnowledgeRefusal) {
    if (error.kind === 'DoesNotExistError') return FrappeError.doesNotExist(doctype, name);
    const title = error.kind === 'MandatoryError' ? 'Missing Fields' : undefined;
    return new FrappeError(error.kind, error.message, title);
  }
  if (error instanceof ConcurrencyError) return FrappeError.conflict(doctype, name);
  return error;
}
