import type { MethodReply } from '@helpdesk/shared-messaging';
import type { RequestContext } from '../request-context.js';

export type { MethodHandler } from '@helpdesk/shared-messaging';

/** The document methods of one DocType, reached through `run_doc_method`. */
export interface DocMethods {
  run(name: string, method: string, args: unknown, context: RequestContext): Promise<MethodReply>;
}
