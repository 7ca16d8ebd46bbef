import { FrappeError, jsonArgument, objectArgument } from '@helpdesk/shared-frappe-api';
import type { MethodReply } from '@helpdesk/shared-messaging';
import type { RequestContext } from '../request-context.js';
import type { DocMethods } from './method-handler.js';

/**
 * Frappe's `run_doc_method`: `dt`/`dn` (or an in-memory `docs` document naming both), the method
 * and its `args` (a JSON object of keyword arguments).
 */
export class RunDocMethod {
  constructor(private readonly doctypes: ReadonlyMap<string, DocMethods>) {}

  run(params: Record<string, unknown>, context: RequestContext): Promise<MethodReply> {
    const docs = params.docs === undefined ? {} : objectArgument(params.docs, 'docs');
    const doctype = params.dt ?? docs.doctype;
    const name = params.dn ?? docs.name;
    const method = params.method;
    if (typeof doctype !== 'string' || doctype === '') throw missing('dt');
    if (typeof name !== 'string' && typeof name !== 'number') throw missing('dn');
    if (typeof method !== 'string' || method === '') throw missing('method');
    const methods = this.doctypes.get(doctype);
    if (!methods)
      throw FrappeError.permission(`Method ${method} is not whitelisted for ${doctype}`);
    const args = jsonArgument(params.args ?? params.arg ?? {}, 'args');
    return methods.run(String(name), method, args, context);
  }
}

function missing(field: string): FrappeError {
  return new FrappeError('MandatoryError', `Error: Value missing: ${field}`, 'Missing Fields');
}
