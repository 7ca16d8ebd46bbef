import { FrappeError } from '@helpdesk/shared-frappe-api';
import type { RequestContext } from '@helpdesk/shared-messaging';

const READERS = ['Administrator', 'System Manager', 'Agent Manager', 'Agent'];
const MANAGERS = ['Administrator', 'System Manager', 'Agent Manager'];

const hasRole = (context: RequestContext, roles: readonly string[]) =>
  context.user === 'Administrator' || context.roles.some((role) => roles.includes(role));

/** Agents read Assignment Rules; customers and guests do not. */
export const canReadAssignmentRules = (context: RequestContext): boolean =>
  hasRole(context, READERS);

/** Only managers create, change and delete them. */
export const canManageAssignmentRules = (context: RequestContext): boolean =>
  hasRole(context, MANAGERS);

/** Frappe's refusal of a document operation the caller's roles do not grant. */
export function notPermitted(): FrappeError {
  return FrappeError.permission('Insufficient Permission for Assignment Rule');
}
