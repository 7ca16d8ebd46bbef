import { FrappeError } from '@helpdesk/shared-frappe-api';
import { invalid, shown } from './client-input.js';
import type { QueryDocType } from './doctype-meta.js';
import { type Expression, type OutputColumn, parseExpression } from './select-list.js';

/** A sort key: a field, an aggregate, or an output column named by its alias. */
export type SortKey = Expression | { kind: 'alias'; column: OutputColumn };

export interface OrderTerm {
  key: SortKey;
  descending: boolean;
}

const DIRECTION = /^(.*?)\s+(asc|desc)$/is;
const LAST_WORD = /^(.*?)\s+(\S+)$/s;
const MAX_TERMS = 20;

function sortKey(doctype: QueryDocType, text: string, outputs: OutputColumn[]): SortKey {
  const name = text.trim().replace(/^`(.*)`$/s, '$1');
  const aliased = outputs.find((output) => output.key === name && !doctype.fields.has(name));
  if (aliased) return { kind: 'alias', column: aliased };
  return parseExpression(doctype, text);
}

function parseTerm(doctype: QueryDocType, term: string, outputs: OutputColumn[]): OrderTerm {
  const directed = DIRECTION.exec(term);
  const text = directed ? (directed[1] ?? '') : term;
  try {
    const key = sortKey(doctype, text, outputs);
    return { key, descending: directed?.[2]?.toLowerCase() === 'desc' };
  } catch (error) {
    // "modified sideways": the field is fine, the direction is not.
    const split = directed ? null : LAST_WORD.exec(term);
    if (error instanceof FrappeError && split && canResolve(doctype, split[1] ?? '', outputs)) {
      throw invalid(`Invalid sort direction in order_by: ${shown(split[2])}`);
    }
    throw error;
  }
}

function canResolve(doctype: QueryDocType, text: string, outputs: OutputColumn[]): boolean {
  try {
    sortKey(doctype, text, outputs);
    return true;
  } catch {
    return false;
  }
}

/** `modified desc`, `` `tabHD Ticket`.`modified` desc, name asc ``, `count desc` (an alias). */
export function parseOrderBy(
  doctype: QueryDocType,
  text: string,
  outputs: OutputColumn[],
): OrderTerm[] {
  const terms = text
    .split(',')
    .map((term) => term.trim())
    .filter((term) => term !== '');
  if (terms.length > MAX_TERMS) throw invalid(`Too many terms in order_by (at most ${MAX_TERMS})`);
  return terms.map((term) => parseTerm(doctype, term, outputs));
}
