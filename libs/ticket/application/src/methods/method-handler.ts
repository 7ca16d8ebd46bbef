import type { MethodReply } from '@helpdesk/shared-messaging';
import type { RequestContext } from '../request-context.js';

/** One whitelisted method: its arguments as received, who calls it, and Frappe's reply. */
export type MethodHandler = (
  params: Record<string, unknown>,
  context: RequestContext,
) => Promise<MethodReply>;

/** The document methods of one DocType, reached through `run_doc_method`. */
export interface DocMethods {
  run(name: string, method: string, args: unknown, context: RequestContext): Promise<MethodReply>;
}
