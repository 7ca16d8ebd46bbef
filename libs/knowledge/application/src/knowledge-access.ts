import { FrappeError } from '@helpdesk/shared-frappe-api';
import type { RequestContext } from '@helpdesk/shared-messaging';
import type { DocumentReads } from './knowledge-ports.js';

const MANAGER_ROLES: readonly string[] = ['Agent Manager', 'System Manager'];

/** Agent Managers, System Managers and Administrator. */
export function isManager(context: RequestContext): boolean {
  return (
    context.user === 'Administrator' || context.roles.some((role) => MANAGER_ROLES.includes(role))
  );
}

/** Anyone working the helpdesk: the knowledge base's writers and saved replies' users. */
export function isAgent(context: RequestContext): boolean {
  return isManager(context) || context.roles.includes('Agent');
}

export function isGuest(context: RequestContext): boolean {
  return context.user === 'Guest';
}

/** Frappe's refusal of a document operation the caller's roles do not grant. */
export function notPermittedOn(doctype: string): FrappeError {
  return FrappeError.permission(`Insufficient Permission for ${doctype}`);
}

/** `@agent_only`'s refusal. */
export function agentsOnly(): FrappeError {
  return FrappeError.permission('You are not permitted to access this resource.');
}

/** The caller as the commands record them. */
export function actorOf(context: RequestContext): { user: string; correlationId: string } {
  return { user: context.user, correlationId: context.correlationId };
}

/** The article if this caller may read it: agents any, everyone else published ones only. */
export async function readableArticle(
  articles: DocumentReads,
  name: string,
  context: RequestContext,
): Promise<Record<string, unknown>> {
  const article = await articles.get(name);
  if (!article) throw FrappeError.doesNotExist('HD Article', name);
  if (!isAgent(context) && article.status !== 'Published') {
    throw FrappeError.permission('Access denied');
  }
  return article;
}
