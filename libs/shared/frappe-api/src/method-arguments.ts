import { FrappeError } from './frappe-error.js';

// Frappe reads a method's arguments from the query string, form fields or a JSON body alike, so
// lists and objects may arrive as JSON text or as JSON already.

/** A parameter that may arrive as a JSON string (query/form) or as JSON already (body). */
export function jsonArgument(value: unknown, key: string): unknown {
  if (typeof value !== 'string') return value;
  const trimmed = value.trim();
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return value;
  let parsed: unknown;
  try {
    parsed = JSON.parse(trimmed) as unknown;
  } catch {
    throw FrappeError.validation(`${key} is not valid JSON`);
  }
  assertPlainJson(parsed, key);
  return parsed;
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

/**
 * Deeper than any document, child table or filter a client sends. JSON.parse accepts any depth,
 * but what handles the value afterwards recurses: class-transformer overflows the stack within a
 * few thousand levels and JSON.stringify (NATS encoding) near 5,000, which surfaced as 500/503.
 */
export const MAX_JSON_DEPTH = 64;

/** Keys that name an object's prototype machinery rather than a field. */
const PROTOTYPE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Refuses JSON nested deeper than `MAX_JSON_DEPTH`, text holding NUL (Postgres stores it in
 * neither text nor jsonb, so it could only fail later as a database error) and, with
 * `prototypeKeys: false`, objects with a `__proto__`, `constructor` or `prototype` key at any
 * level, with Frappe's ValidationError. Walks without recursion, so no input can overflow the
 * stack here.
 */
export function assertPlainJson(
  value: unknown,
  what: string,
  options: { prototypeKeys?: boolean } = {},
): void {
  const pending: [unknown, number][] = [[value, 0]];
  while (pending.length > 0) {
    const [current, depth] = pending.pop()!;
    if (typeof current === 'string') assertNoNul(current, what);
    if (typeof current !== 'object' || current === null) continue;
    if (depth >= MAX_JSON_DEPTH) {
      throw FrappeError.validation(
        `${what} is nested too deeply (at most ${MAX_JSON_DEPTH} levels)`,
      );
    }
    if (Array.isArray(current)) {
      for (const item of current) pending.push([item, depth + 1]);
      continue;
    }
    for (const [key, item] of Object.entries(current)) {
      assertNoNul(key, what);
      if (options.prototypeKeys === false && PROTOTYPE_KEYS.has(key)) {
        throw FrappeError.validation(`${what} may not have a field named ${key}`);
      }
      pending.push([item, depth + 1]);
    }
  }
}

function assertNoNul(text: string, what: string): void {
  if (text.includes('\u0000'))
    throw FrappeError.validation(`${what} may not contain NUL characters`);
}
