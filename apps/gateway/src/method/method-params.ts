import { FrappeError } from '@helpdesk/shared-frappe-api';
import type { GatewayRequest } from '../gateway-request.js';

/** Frappe reads a method's arguments from the query string, form fields or a JSON body alike. */
export function methodParams(request: GatewayRequest): Record<string, unknown> {
  const query = (request.query ?? {}) as Record<string, unknown>;
  const body = request.body;
  const fromBody =
    body && typeof body === 'object' && !Array.isArray(body)
      ? (body as Record<string, unknown>)
      : {};
  return { ...query, ...fromBody };
}

/** A parameter that may arrive as a JSON string (query/form) or as JSON already (body). */
export function jsonParam(params: Record<string, unknown>, key: string): unknown {
  const value = params[key];
  if (typeof value !== 'string') return value;
  const trimmed = value.trim();
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return value;
  try {
    return JSON.parse(trimmed);
  } catch {
    throw FrappeError.validation(`${key} is not valid JSON`);
  }
}

export function requiredText(params: Record<string, unknown>, key: string): string {
  const value = params[key];
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string' || value.trim() === '') {
    throw new FrappeError('MandatoryError', `Error: Value missing: ${key}`, 'Missing Fields');
  }
  return value;
}

export function objectParam(params: Record<string, unknown>, key: string): Record<string, unknown> {
  const value = jsonParam(params, key);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw FrappeError.validation(`${key} must be a JSON object`);
  }
  return value as Record<string, unknown>;
}
