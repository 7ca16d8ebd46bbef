import { FrappeError } from '@helpdesk/shared-frappe-api';
import type { RequestContext } from '@helpdesk/shared-messaging';

const MANAGER_ROLES: readonly string[] = ['Agent Manager', 'System Manager'];

/** Agent Managers, System Managers and Administrator change SLAs and holiday lists. */
export function canManageSlaDocuments(context: RequestContext): boolean {
  return (
    context.user === 'Administrator' || context.roles.some((role) => MANAGER_ROLES.includes(role))
  );
}

/** Agents read them too; customers and guests do not. */
export function canReadSlaDocuments(context: RequestContext): boolean {
  return canManageSlaDocuments(context) || context.roles.includes('Agent');
}

/** Frappe's refusal of a document operation the caller's roles do not grant. */
export function notPermittedOn(doctype: string): FrappeError {
  return FrappeError.permission(`Insufficient Permission for ${doctype}`);
}
