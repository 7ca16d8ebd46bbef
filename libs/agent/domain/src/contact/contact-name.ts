/** Frappe's `get_full_name`: first and last name, else the company. */
export function contactFullName(
  first: string | null,
  last: string | null,
  company: string | null,
): string {
  const joined = [first, last]
    .map((part) => part?.trim() ?? '')
    .filter((part) => part !== '')
    .join(' ');
  return joined || company?.trim() || '';
}

/**
 * Frappe's Contact `autoname`: the full name (else the primary address), numbered `-1`, `-2`, …
 * when taken. `taken` answers from the read model on the command's transaction.
 */
export function contactName(base: string, taken: (name: string) => boolean): string {
  if (!taken(base)) return base;
  for (let n = 1; ; n++) {
    const candidate = `${base}-${n}`;
    if (!taken(candidate)) return candidate;
  }
}
