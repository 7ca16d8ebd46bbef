import type { QueryField } from './doctype-meta.js';

export interface FilterContext {
  /** IANA zone of the site: naive client datetimes and day boundaries are read in it. */
  timeZone: string;
  now: Date;
}

/**
 * A condition as SQL, plus whether the field's empty value satisfies it. Frappe compares
 * `ifnull(column, empty)`, so when the empty value matches, NULL rows must match too.
 */
export interface Predicate {
  sql: string;
  emptyMatches: boolean;
}

/** The column as compared: JSON is matched on its text form, as Frappe stores it. */
export function valueSql(field: QueryField): string {
  return field.kind === 'json' ? `${field.sql}::text` : field.sql;
}
