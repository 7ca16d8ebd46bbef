import { FrappeError } from '@helpdesk/shared-frappe-api';

export type { DoctypeResource, FrappeDocument } from '@helpdesk/shared-messaging';

export function notSupported(doctype: string, operation: string): FrappeError {
  return FrappeError.permission(`${operation} is not permitted for ${doctype}`);
}
