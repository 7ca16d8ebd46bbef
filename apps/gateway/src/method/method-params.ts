import {
  assertPlainJson,
  jsonArgument,
  objectArgument,
  textArgument,
} from '@helpdesk/shared-frappe-api';
import type { GatewayRequest } from '../gateway-request.js';

/** Frappe reads a method's arguments from the query string, form fields or a JSON body alike. */
export function methodParams(request: GatewayRequest): Record<string, unknown> {
  const query = (request.query ?? {}) as Record<string, unknown>;
  const body = request.body;
  const fromBody =
    body && typeof body === 'object' && !Array.isArray(body)
      ? (body as Record<string, unknown>)
      : {};
  const params = { ...query, ...fromBody };
  // Refused here, at the edge: forwarding it would overflow the NATS encoder.
  assertPlainJson(params, 'Arguments');
  return params;
}

export function jsonParam(params: Record<string, unknown>, key: string): unknown {
  return jsonArgument(params[key], key);
}

export function requiredText(params: Record<string, unknown>, key: string): string {
  return textArgument(params, key);
}

export function objectParam(params: Record<string, unknown>, key: string): Record<string, unknown> {
  return objectArgument(params[key], key);
}
