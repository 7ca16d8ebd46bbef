/**
 * Frappe's whitelisted methods (`/api/method/<dotted.path>`) as NATS requests. The gateway sends
 * `<service>.method` with the method's name and its arguments; the owning service dispatches.
 */
export function methodSubject(service: string): string {
  return `${service}.method`;
}

export interface MethodCallBody {
  /** The dotted path as called, e.g. `helpdesk.api.doc.get_list_data` or `run_doc_method`. */
  method: string;
  /** The arguments as received (query string, form fields or JSON body, merged). */
  params: Record<string, unknown>;
}

/**
 * Frappe's method response: `message` is the return value and is absent when the method returns
 * nothing; `docs` carries the documents a `run_doc_method` call touched.
 */
export interface MethodReply {
  message?: unknown;
  docs?: unknown[];
}
