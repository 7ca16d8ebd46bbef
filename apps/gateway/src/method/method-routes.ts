import {
  AGENT_SERVICE,
  AGENT_SERVICE_GUEST_METHODS,
  AGENT_SERVICE_METHODS,
} from '@helpdesk/agent-contracts';
import { ASSIGNMENT_SERVICE, ASSIGNMENT_SERVICE_METHODS } from '@helpdesk/assignment-contracts';
import {
  KNOWLEDGE_SERVICE,
  KNOWLEDGE_SERVICE_GUEST_METHODS,
  KNOWLEDGE_SERVICE_METHODS,
} from '@helpdesk/knowledge-contracts';
import { METRICS_SERVICE, METRICS_SERVICE_METHODS } from '@helpdesk/metrics-contracts';
import { FrappeError, GATEWAY_METHODS, objectArgument } from '@helpdesk/shared-frappe-api';
import { SLA_SERVICE, SLA_SERVICE_METHODS } from '@helpdesk/sla-contracts';
import {
  TICKET_ASSIGNMENT_METHODS,
  TICKET_SERVICE,
  TICKET_SERVICE_METHODS,
} from '@helpdesk/ticket-contracts';
import { routeFor } from '../resource/doctype-routes.js';

/** Methods answered by one service whatever their arguments. */
const FIXED = new Map<string, string>([
  ...[...TICKET_SERVICE_METHODS, ...TICKET_ASSIGNMENT_METHODS].map((method): [string, string] => [
    method,
    TICKET_SERVICE,
  ]),
  ...AGENT_SERVICE_METHODS.map((method): [string, string] => [method, AGENT_SERVICE]),
  ...ASSIGNMENT_SERVICE_METHODS.map((method): [string, string] => [method, ASSIGNMENT_SERVICE]),
  ...SLA_SERVICE_METHODS.map((method): [string, string] => [method, SLA_SERVICE]),
  ...[...KNOWLEDGE_SERVICE_METHODS, ...KNOWLEDGE_SERVICE_GUEST_METHODS].map(
    (method): [string, string] => [method, KNOWLEDGE_SERVICE],
  ),
  ...METRICS_SERVICE_METHODS.map((method): [string, string] => [method, METRICS_SERVICE]),
]);

type DoctypeOf = (params: Record<string, unknown>) => unknown;

/**
 * Generic methods that act on the DocType they are given: the service owning that DocType answers
 * (`run_doc_method` names it in `dt`, or in the `docs` document it sends). Every method of
 * `GATEWAY_METHODS.byDoctype` has its reader here, and nothing else.
 */
const BY_DOCTYPE = new Map<string, DoctypeOf>(
  GATEWAY_METHODS.byDoctype.map((method): [string, DoctypeOf] => [
    method,
    method === 'run_doc_method'
      ? (params) => params.dt ?? docsOf(params).doctype
      : (params) => params.doctype,
  ]),
);

function docsOf(params: Record<string, unknown>): Record<string, unknown> {
  return params.docs === undefined ? {} : objectArgument(params.docs, 'docs');
}

/** Methods Frappe serves to guests (`allow_guest=True`) besides the gateway's own. */
const GUEST_METHODS: ReadonlySet<string> = new Set<string>([
  ...AGENT_SERVICE_GUEST_METHODS,
  ...KNOWLEDGE_SERVICE_GUEST_METHODS,
]);

/** Whether `/api/method/<method>` may be called without credentials. */
export function isGuestMethod(method: string): boolean {
  return GUEST_METHODS.has(method);
}

/** The service that answers a method, or a 404 for a method nobody serves. */
export function serviceForMethod(method: string, params: Record<string, unknown>): string {
  const fixed = FIXED.get(method);
  if (fixed) return fixed;
  const doctypeOf = BY_DOCTYPE.get(method);
  if (!doctypeOf) throw new FrappeError('DoesNotExistError', `Method ${method} not found`);
  const doctype = doctypeOf(params);
  if (typeof doctype !== 'string' || doctype === '') {
    const field = method === 'run_doc_method' ? 'dt' : 'doctype';
    throw new FrappeError('MandatoryError', `Error: Value missing: ${field}`, 'Missing Fields');
  }
  return routeFor(doctype).service;
}
