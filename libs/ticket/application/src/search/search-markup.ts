/**
 * Postgres marks each matched word between these two private-use characters (ts_headline's
 * StartSel/StopSel); the indexed text never holds them, since the migration's `search_text`
 * strips them. Marking with characters rather than with `<mark>` itself lets the text be escaped
 * here, after Postgres chose the words, so a subject or description holding markup of its own
 * (`<img onerror=…>`, half a tag) reaches the Helpdesk UI — which renders these fields as HTML —
 * as text, and `<mark>` is the only tag in the answer.
 */
export const MARK_START = '\uE000';
export const MARK_END = '\uE001';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** `text` as HTML: everything escaped, each marked word inside `<mark>…</mark>`. */
export function markedHtml(text: string): string {
  let html = '';
  let open = false;
  for (const char of text) {
    if (char === MARK_START) {
      if (!open) html += '<mark>';
      open = true;
    } else if (char === MARK_END) {
      if (open) html += '</mark>';
      open = false;
    } else {
      html += ESCAPES[char] ?? char;
    }
  }
  return open ? `${html}</mark>` : html;
}
