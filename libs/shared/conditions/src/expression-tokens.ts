import { ConditionSyntaxError } from './condition-syntax-error.js';
import { readString } from './string-literal.js';

export type Punctuation =
  '==' | '!=' | '<=' | '>=' | '<' | '>' | '(' | ')' | '[' | ']' | ',' | '-' | '+' | '.';

export type Token =
  | { type: 'name'; value: string; at: number }
  | { type: 'string'; value: string; at: number }
  | { type: 'number'; value: number; at: number }
  | { type: 'punctuation'; value: Punctuation; at: number }
  | { type: 'end'; at: number };

const PUNCTUATION: readonly Punctuation[] = [
  '==', '!=', '<=', '>=', '<', '>', '(', ')', '[', ']', ',', '-', '+', '.',
]; // prettier-ignore

const NAME = /[A-Za-z_][A-Za-z0-9_]*/y;
const NUMBER =
  /0[xX](?:_?[0-9a-fA-F])+|0[oO](?:_?[0-7])+|0[bB](?:_?[01])+|(?:\d(?:_?\d)*)?\.\d(?:_?\d)*(?:[eE][+-]?\d(?:_?\d)*)?|\d(?:_?\d)*\.?(?:[eE][+-]?\d(?:_?\d)*)?/y;
const WORD_CHARACTER = /[A-Za-z0-9_]/;
const STRING_PREFIX = /^(?:[rRuUbBfF]|[rR][bBfF]|[bBfF][rR])$/;
/** Of Python's string prefixes, `u` changes nothing and `r` only escapes; bytes and f-strings are out. */
const ACCEPTED_PREFIXES = new Set(['u', 'r']);

/** Splits a Python expression into tokens; anything outside the accepted grammar is refused. */
export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  while (at < source.length) {
    const char = source[at] as string;
    if (/\s/.test(char)) {
      at++;
    } else if (char === '#') {
      const newline = source.indexOf('\n', at);
      at = newline === -1 ? source.length : newline;
    } else if (char === '"' || char === "'") {
      const literal = readString(source, at, false);
      tokens.push({ type: 'string', value: literal.value, at });
      at = literal.end;
    } else if (/\d/.test(char) || (char === '.' && /\d/.test(source[at + 1] ?? ''))) {
      at = readNumber(source, at, tokens);
    } else if (/[A-Za-z_]/.test(char)) {
      at = readNameOrPrefixedString(source, at, tokens);
    } else {
      const punctuation = PUNCTUATION.find((p) => source.startsWith(p, at));
      if (!punctuation) throw unsupportedCharacter(char, at);
      tokens.push({ type: 'punctuation', value: punctuation, at });
      at += punctuation.length;
    }
  }
  tokens.push({ type: 'end', at: source.length });
  return tokens;
}

function readNameOrPrefixedString(source: string, at: number, tokens: Token[]): number {
  NAME.lastIndex = at;
  const name = (NAME.exec(source) as RegExpExecArray)[0];
  const end = at + name.length;
  const next = source[end];
  if ((next === '"' || next === "'") && STRING_PREFIX.test(name)) {
    const prefix = name.toLowerCase();
    if (!ACCEPTED_PREFIXES.has(prefix)) {
      throw new ConditionSyntaxError(`string prefix '${name}' is not supported`, at);
    }
    const literal = readString(source, end, prefix === 'r');
    tokens.push({ type: 'string', value: literal.value, at });
    return literal.end;
  }
  if (name.includes('__')) {
    throw new ConditionSyntaxError(`names containing '__' are not allowed`, at);
  }
  tokens.push({ type: 'name', value: name, at });
  return end;
}

function readNumber(source: string, at: number, tokens: Token[]): number {
  NUMBER.lastIndex = at;
  const text = (NUMBER.exec(source) as RegExpExecArray)[0];
  const end = at + text.length;
  if (WORD_CHARACTER.test(source[end] ?? '')) {
    throw new ConditionSyntaxError('invalid number', at);
  }
  const digits = text.replaceAll('_', '');
  if (/^0\d*[1-9]\d*$/.test(digits)) {
    throw new ConditionSyntaxError('leading zeros in decimal integers are not permitted', at);
  }
  tokens.push({ type: 'number', value: numberValue(digits), at });
  return end;
}

function numberValue(digits: string): number {
  const radix = { x: 16, o: 8, b: 2 }[digits[1]?.toLowerCase() ?? ''];
  return radix && digits[0] === '0' ? parseInt(digits.slice(2), radix) : Number(digits);
}

function unsupportedCharacter(char: string, at: number): ConditionSyntaxError {
  return new ConditionSyntaxError(`unsupported character '${char}'`, at);
}
