/**
 * What a search box's text becomes before Postgres sees it: words made only of letters, digits,
 * combining marks and the joiners `.`, `@`, `_`, `-` (so an e-mail address or `sign-on` stays one
 * word, as the text-search parser reads it in the documents). Nothing else survives, so no quote,
 * backslash, colon, parenthesis or `& | ! < >` can reach tsquery syntax, whatever the user typed.
 */
const WORD = /[\p{L}\p{N}\p{M}._@-]+/gu;
const HAS_LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** More words than anyone types into a search box; the rest are dropped. */
export const MAX_SEARCH_TERMS = 16;
/** Longer than any word; keeps every lexeme far below Postgres's 2 KB limit. */
export const MAX_TERM_LENGTH = 64;
/** Words this long or longer also match as prefixes (`refund` finds `refunds`), as in Frappe. */
const PREFIX_FROM_LENGTH = 4;
/**
 * The word being typed matches as a prefix from three letters. Two letters would match nearly
 * every ticket (`ca` is the start of "cache", "call", "cannot", …) and rank them all for nothing.
 */
const LAST_PREFIX_FROM_LENGTH = 3;

/** The words of a query, lower-cased, in order, without repeats. */
export function searchTerms(query: string): string[] {
  const terms: string[] = [];
  for (const [match] of query.toLowerCase().matchAll(WORD)) {
    const term = [...match].slice(0, MAX_TERM_LENGTH).join('');
    if (!HAS_LETTER_OR_DIGIT.test(term) || terms.includes(term)) continue;
    terms.push(term);
    if (terms.length === MAX_SEARCH_TERMS) break;
  }
  return terms;
}

/**
 * `to_tsquery` text for `terms`, all required. The last word is a prefix from three letters, since
 * it may still be being typed ("ref" finds "refund"); earlier words are prefixes from four letters,
 * which stands in for stemming, as in Frappe. `titleOnly` limits every word to the title's weight
 * (A). Empty when there is nothing to search for.
 */
export function tsqueryText(terms: readonly string[], options: { titleOnly: boolean }): string {
  const weight = options.titleOnly ? 'A' : '';
  return terms
    .map((term, i) => {
      const length = [...term].length;
      const prefix =
        length >= (i === terms.length - 1 ? LAST_PREFIX_FROM_LENGTH : PREFIX_FROM_LENGTH);
      const label = `${prefix ? '*' : ''}${weight}`;
      return label === '' ? term : `${term}:${label}`;
    })
    .join(' & ');
}
