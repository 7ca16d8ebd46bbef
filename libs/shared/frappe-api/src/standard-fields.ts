/** Fields every Frappe document carries that a client never sets: Frappe manages them. */
export const STANDARD_FIELDNAMES: ReadonlySet<string> = new Set([
  'doctype',
  'name',
  'owner',
  'creation',
  'modified',
  'modified_by',
  'docstatus',
  'idx',
]);

/** The document without its standard fields: what a client may actually be asking to change. */
export function withoutStandardFields(doc: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(doc).filter(([field]) => !STANDARD_FIELDNAMES.has(field)),
  );
}
