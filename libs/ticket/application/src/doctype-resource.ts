import { FrappeError } from '@helpdesk/shared-frappe-api';
import type { RequestContext } from './request-context.js';

export type FrappeDocument = Record<string, unknown>;

/** What ticket-service does for one DocType on each Frappe resource operation. */
export interface DoctypeResource {
  list(params: Record<string, unknown>, context: RequestContext): Promise<unknown[]>;
  count(params: Record<string, unknown>, context: RequestContext): Promise<number>;
  get(name: string, context: RequestContext): Promise<FrappeDocument>;
  insert(doc: Record<string, unknown>, context: RequestContext): Promise<FrappeDocument>;
  update(
    name: string,
    changes: Record<string, unknown>,
    context: RequestContext,
  ): Promise<FrappeDocument>;
  delete(name: string, context: RequestContext): Promise<void>;
}

export function notSupported(doctype: string, operation: string): FrappeError {
  return FrappeError.permission(`${operation} is not permitted for ${doctype}`);
}
