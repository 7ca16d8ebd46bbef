import { ConditionSyntaxError } from './condition-syntax-error.js';

const SIMPLE_ESCAPES = new Map([
  ['\\', '\\'],
  ["'", "'"],
  ['"', '"'],
  ['a', '\x07'],
  ['b', '\b'],
  ['f', '\f'],
  ['n', '\n'],
  ['r', '\r'],
  ['t', '\t'],
  ['v', '\v'],
]);
const HEX_WIDTHS = new Map([
  ['x', 2],
  ['u', 4],
  ['U', 8],
]);

/**
 * Reads a single- or double-quoted Python string starting at the quote, with Python's escapes.
 * Triple-quoted strings are refused: a condition is one line of logic.
 */
export function readString(
  source: string,
  start: number,
  raw: boolean,
): { value: string; end: number } {
  const quote = source[start] as string;
  if (source.startsWith(quote.repeat(3), start)) {
    throw new ConditionSyntaxError('triple-quoted strings are not supported', start);
  }
  let value = '';
  let at = start + 1;
  while (at < source.length) {
    const char = source[at] as string;
    if (char === quote) return { value, end: at + 1 };
    if (char === '\n') break;
    if (char !== '\\') {
      value += char;
      at++;
    } else if (raw) {
      value += source.slice(at, at + 2);
      at += 2;
    } else {
      const escape = readEscape(source, at);
      value += escape.text;
      at = escape.end;
    }
  }
  throw new ConditionSyntaxError('unterminated string literal', start);
}

function readEscape(source: string, at: number): { text: string; end: number } {
  const next = source[at + 1] ?? '';
  if (next === '\n') return { text: '', end: at + 2 };
  const simple = SIMPLE_ESCAPES.get(next);
  if (simple !== undefined) return { text: simple, end: at + 2 };
  const octal = /^[0-7]{1,3}/.exec(source.slice(at + 1, at + 4));
  if (octal)
    return { text: String.fromCodePoint(parseInt(octal[0], 8)), end: at + 1 + octal[0].length };
  const width = HEX_WIDTHS.get(next);
  if (width !== undefined) {
    const hex = source.slice(at + 2, at + 2 + width);
    const code = /^[0-9a-fA-F]+$/.test(hex) && hex.length === width ? parseInt(hex, 16) : NaN;
    if (!(code <= 0x10ffff)) throw new ConditionSyntaxError(`invalid \\${next} escape`, at);
    return { text: String.fromCodePoint(code), end: at + 2 + width };
  }
  if (next === 'N') throw new ConditionSyntaxError('\\N{...} escapes are not supported', at);
  // Python keeps an unknown escape as written, backslash included.
  return { text: `\\${next}`, end: at + 2 };
}
