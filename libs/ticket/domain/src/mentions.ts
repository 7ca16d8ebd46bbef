/**
 * Mentions in comment HTML as the web app writes them:
 * `<span data-type="mention" data-id="{user id}" data-label="{name}">@name</span>`.
 * A small start-tag scanner is enough: only the attributes of `span` start tags matter, wherever
 * they are nested, and text or comments that merely look like a mention are not one.
 */
export function parseMentions(html: string): string[] {
  const mentions: string[] = [];
  for (const tag of startTags(html)) {
    if (tag.name !== 'span' || tag.attributes.get('data-type') !== 'mention') continue;
    const id = tag.attributes.get('data-id')?.trim();
    if (id && !mentions.includes(id)) mentions.push(id);
  }
  return mentions;
}

/** Users mentioned in `after` who were not in `before`, the ones an edit should notify. */
export function newlyMentioned(before: readonly string[], after: readonly string[]): string[] {
  return after.filter((user) => !before.includes(user));
}

interface StartTag {
  name: string;
  attributes: Map<string, string>;
}

const TAG_NAME = /[a-zA-Z][a-zA-Z0-9-]*/y;
const SPACE = /\s/;

function* startTags(html: string): Generator<StartTag> {
  let position = 0;
  while (position < html.length) {
    const open = html.indexOf('<', position);
    if (open < 0) return;
    if (html.startsWith('<!--', open)) {
      const close = html.indexOf('-->', open + 4);
      if (close < 0) return;
      position = close + 3;
      continue;
    }
    TAG_NAME.lastIndex = open + 1;
    const name = TAG_NAME.exec(html)?.[0];
    if (name === undefined) {
      position = open + 1;
      continue;
    }
    const tag = readAttributes(html, open + 1 + name.length);
    // As in HTML, a tag still open at the end of the input is no tag.
    if (tag === undefined) return;
    yield { name: name.toLowerCase(), attributes: tag.attributes };
    position = tag.end;
  }
}

/** Reads `name`, `name=value`, `name='value'` and `name="value"` up to the closing `>`. */
function readAttributes(
  html: string,
  from: number,
): { attributes: Map<string, string>; end: number } | undefined {
  const attributes = new Map<string, string>();
  let i = from;
  const skipSpace = () => {
    while (i < html.length && SPACE.test(html.charAt(i))) i++;
  };
  while (i < html.length) {
    skipSpace();
    const char = html.charAt(i);
    if (char === '>') return { attributes, end: i + 1 };
    if (char === '/') {
      i++;
      continue;
    }
    const nameStart = i;
    while (i < html.length && !/[\s=>/]/.test(html.charAt(i))) i++;
    const name = html.slice(nameStart, i).toLowerCase();
    skipSpace();
    let value = '';
    if (html.charAt(i) === '=') {
      i++;
      skipSpace();
      const quote = html.charAt(i);
      if (quote === '"' || quote === "'") {
        const close = html.indexOf(quote, i + 1);
        const end = close < 0 ? html.length : close;
        value = html.slice(i + 1, end);
        i = end + 1;
      } else {
        const valueStart = i;
        while (i < html.length && !/[\s>]/.test(html.charAt(i))) i++;
        value = html.slice(valueStart, i);
      }
    }
    // As in HTML, the first of two attributes with the same name wins.
    if (name !== '' && !attributes.has(name)) attributes.set(name, decodeEntities(value));
  }
  return undefined;
}

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
};

function decodeEntities(value: string): string {
  return value.replace(/&(#[xX][0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, body: string) => {
    if (body.startsWith('#')) {
      const hex = body[1] === 'x' || body[1] === 'X';
      const code = Number.parseInt(body.slice(hex ? 2 : 1), hex ? 16 : 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    const name = body.toLowerCase();
    return Object.hasOwn(NAMED_ENTITIES, name) ? (NAMED_ENTITIES[name] ?? whole) : whole;
  });
}
