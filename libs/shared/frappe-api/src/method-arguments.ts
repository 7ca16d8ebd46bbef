import { FrappeError } from './frappe-error.js';

// Frappe reads a method's arguments from the query string, form fields or a JSON body alike, so
// lists and objects may arrive as JSON text or as JSON already.

/** A parameter that may arrive as a JSON string (query/form) or as JSON already (body). */
export function jsonArgument(value: unknown, key: string): unknown {
  if (typeof value !== 'string') return value;
  const trimmed = value.trim();
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return value;
  try {
    return JSON.parse(trimmed) as unknown;
  } catch {
    throw FrappeError.validation(`${key} is not valid JSON`);
  }
}

export function objectArgument(value: unknown, key: string): Record<string, unknown> {
  const parsed = jsonArgument(value, key);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw FrappeError.validation(`${key} must be a JSON object`);
  }
  return parsed as Record<string, unknown>;
}

export function textArgument(params: Record<string, unknown>, key: string): string {
  const value = params[key];
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string' || value.trim() === '') {
    throw new FrappeError('MandatoryError', `Error: Value missing: ${key}`, 'Missing Fields');
  }
  return value;
}

/** Frappe's boolean coercion of `1`, `"1"`, `"true"`, `true`. */
export function flagArgument(value: unknown): boolean {
  return value === true || value === 1 || value === '1' || value === 'true';
}
