import { dayOfIsoDate } from '@helpdesk/shared-working-time';
import { SlaDocumentViolation } from './sla-document-violation.js';

/**
 * Field readers shared by the SLA documents: they turn what a client sends into the document's
 * types, or refuse it with Frappe's wording. `row` is the 1-based row of a child table.
 */

/** Every event names its document, when it happened and who did it. */
export interface SlaDocumentEventMeta {
  name: string;
  /** ISO-8601 instant. */
  at: string;
  by: string;
}

export function eventMeta(name: string, context: { actor: string; now: Date }) {
  return { name, at: context.now.toISOString(), by: context.actor } satisfies SlaDocumentEventMeta;
}

/** The fields of `next` whose value differs from `current`'s (rows compared by content). */
export function changedFields<T extends object>(next: T, current: T): Partial<T> {
  const changes: Partial<T> = {};
  for (const key of Object.keys(next) as (keyof T)[]) {
    if (JSON.stringify(next[key]) !== JSON.stringify(current[key])) changes[key] = next[key];
  }
  return changes;
}

/** Leaves out fields that are absent or null, so a new document keeps its defaults for them. */
export function presentFields<T extends object>(input: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(input).filter(([, value]) => value !== null && value !== undefined),
  ) as Partial<T>;
}

export function checkFlag(value: boolean | 0 | 1 | null | undefined, fallback: 0 | 1): 0 | 1 {
  if (value === null || value === undefined) return fallback;
  return value ? 1 : 0;
}

export function blankToNull(value: string | null | undefined): string | null {
  return value === null || value === undefined || value.trim() === '' ? null : value;
}

export function rowPrefix(row: number | null): string {
  return row === null ? '' : `Row #${row}: `;
}

/** A Date field: `YYYY-MM-DD`, or null when empty. */
export function dateField(
  value: string | null | undefined,
  label: string,
  field: string,
  row: number | null = null,
): string | null {
  const date = blankToNull(value)?.trim() ?? null;
  if (date === null || dayOfIsoDate(date) !== null) return date;
  throw SlaDocumentViolation.invalid(
    `${rowPrefix(row)}${label} "${date}" is not a valid date (YYYY-MM-DD)`,
    [field],
  );
}

/** A Select field, as Frappe's `_validate_selects` words a value outside its options. */
export function selectField<T extends string>(
  value: string,
  options: readonly T[],
  label: string,
  field: string,
  row: number | null = null,
): T {
  const option = options.find((candidate) => candidate === value);
  if (option !== undefined) return option;
  const listed = options.map((candidate) => `"${candidate}"`).join(', ');
  throw SlaDocumentViolation.invalid(
    `${rowPrefix(row)}${label} cannot be "${value}". It should be one of ${listed}`,
    [field],
  );
}

/** The values that occur more than once, each once, in order: Helpdesk's `get_repeated`. */
export function repeatedValues(values: readonly string[]): string[] {
  const repeated = values.filter((value, index) => values.indexOf(value) !== index);
  return [...new Set(repeated)];
}
