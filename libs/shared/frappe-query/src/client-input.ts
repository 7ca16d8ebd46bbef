import { assertPlainJson, FrappeError } from '@helpdesk/shared-frappe-api';

/** Client input is echoed in messages, so it is shortened first: a 10 MB value must not come back. */
export function shown(value: unknown): string {
  let text: string;
  try {
    text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  } catch {
    text = String(value);
  }
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

export function invalid(message: string): FrappeError {
  return new FrappeError('ValidationError', message);
}

/** Frappe's `DataError`: the request names something the query may not touch. */
export function notPermitted(what: unknown): FrappeError {
  return new FrappeError('DataError', `Field not permitted in query: ${shown(what)}`);
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/**
 * Query strings carry JSON text; request bodies carry parsed JSON. Both arrive here, so text that
 * looks like a JSON container is parsed and anything else is returned unchanged.
 */
export function parseJsonText(value: unknown, param: string): unknown {
  if (typeof value !== 'string') return value;
  const text = value.trim();
  if (!text.startsWith('[') && !text.startsWith('{')) return value;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text) as unknown;
  } catch {
    throw invalid(`${param} is not valid JSON: ${shown(value)}`);
  }
  assertPlainJson(parsed, param);
  return parsed;
}

/** Python-style truthiness, which decides where Frappe skips its `ifnull` wrapper. */
export function isTruthy(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0;
  return value !== null && value !== undefined && value !== '' && value !== 0 && value !== false;
}
