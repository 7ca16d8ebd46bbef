/** At most this many words of a query are searched for. */
const MAX_TERMS = 12;

/**
 * A tsquery from what a person typed: its words only (letters and digits, so no tsquery syntax
 * and nothing else of the text reaches Postgres as structure), all required, the last one as a
 * prefix so a search box finds "refund" from "refu". Null when there is no word to search.
 */
export function prefixQuery(text: string): string | null {
  const words = (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, MAX_TERMS);
  if (words.length === 0) return null;
  return words.map((word, i) => (i === words.length - 1 ? `${word}:*` : word)).join(' & ');
}
