import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FrappeError } from '@helpdesk/shared-frappe-api';
import { parseSearchFilters } from './search-filters.js';
import { markedHtml, MARK_END, MARK_START } from './search-markup.js';
import { recencyBoost } from './search-recency.js';
import { MAX_SEARCH_TERMS, MAX_TERM_LENGTH, searchTerms, tsqueryText } from './search-terms.js';
import { searchLimit } from './ticket-search.methods.js';

/** What may appear in tsquery text besides words: the operators this module writes itself. */
const TSQUERY_TEXT = /^[\p{L}\p{N}\p{M}._@-]+(:\*?A?)?( & [\p{L}\p{N}\p{M}._@-]+(:\*?A?)?)*$/u;

describe('search terms', () => {
  it('lower-cases the words and keeps addresses, hyphenated and accented words whole', () => {
    assert.deepEqual(searchTerms('Refund for ANA.Park@acme.example: sign-on café'), [
      'refund',
      'for',
      'ana.park@acme.example',
      'sign-on',
      'café',
    ]);
  });

  it('leaves nothing of tsquery or SQL syntax, whatever is typed', () => {
    for (const hostile of [
      `'); DROP TABLE ticket.hd_ticket; --`,
      `a & b | !c <-> (d) :* e:A f\\ g'' "h"`,
      `x:*A | y:*B & !!!(((`,
      `$1 $$ \u0000 \\x00 %_ */`,
      `<script>alert(1)</script>`,
    ]) {
      const text = tsqueryText(searchTerms(hostile), { titleOnly: false });
      assert.ok(text === '' || TSQUERY_TEXT.test(text), `${hostile} gave ${text}`);
      assert.ok(!/['"\\()!|<>$%*/]/.test(text.replace(/:\*?A?/g, '')), text);
      assert.ok(!text.includes('\u0000'), text);
    }
  });

  it('drops words without a letter or digit, repeats, and words past the sixteenth', () => {
    assert.deepEqual(searchTerms('-- ... @ _ refund Refund'), ['refund']);
    const many = Array.from({ length: 40 }, (_, i) => `w${i}`).join(' ');
    assert.equal(searchTerms(many).length, MAX_SEARCH_TERMS);
    assert.equal(searchTerms('x'.repeat(500))[0]?.length, MAX_TERM_LENGTH);
  });

  it('makes the last word a prefix from three letters, earlier ones from four', () => {
    assert.equal(
      tsqueryText(['to', 'refund', 'ref'], { titleOnly: false }),
      'to & refund:* & ref:*',
    );
    assert.equal(tsqueryText(['the', 'ab'], { titleOnly: false }), 'the & ab');
    assert.equal(tsqueryText(['refu'], { titleOnly: false }), 'refu:*');
  });

  it('limits every word to the title weight when searching titles only', () => {
    assert.equal(tsqueryText(['to', 'refund'], { titleOnly: true }), 'to:A & refund:*A');
  });
});

describe('search filters', () => {
  it('reads Frappe’s shapes: one value, a list, LIKE, and empty values', () => {
    const parsed = parseSearchFilters(
      JSON.stringify({
        status: 'Open',
        agent_group: ['Billing', 'Sales'],
        customer: ['LIKE', 'acme'],
        owner: ['LIKE', ['ann', 'ben']],
        priority: null,
        name: '',
        reference_ticket: 12,
      }),
    );
    assert.equal(parsed.matchesNothing, false);
    assert.deepEqual(parsed.conditions, [
      { field: 'status', match: 'equals', values: ['Open'] },
      { field: 'agent_group', match: 'equals', values: ['Billing', 'Sales'] },
      { field: 'customer', match: 'like', values: ['acme'] },
      { field: 'owner', match: 'like', values: ['ann', 'ben'] },
      { field: 'reference_ticket', match: 'equals', values: ['12'] },
    ]);
    assert.equal(parsed.applied.status, 'Open');
  });

  it('matches nothing for an empty list, an unknown field or a value that is not text', () => {
    assert.deepEqual(parseSearchFilters({ status: [] }).conditions, [
      { field: 'status', match: 'equals', values: [] },
    ]);
    assert.equal(parseSearchFilters({ subject: 'x' }).matchesNothing, true);
    assert.equal(parseSearchFilters({ status: [{ $ne: 1 }] }).matchesNothing, true);
  });

  it('ignores text that is not a JSON object, as Frappe does', () => {
    for (const raw of ['not json', '[1,2]', '"Open"', '', 7, null, undefined]) {
      assert.deepEqual(parseSearchFilters(raw), {
        applied: {},
        conditions: [],
        matchesNothing: false,
      });
    }
  });

  it('refuses prototype keys and NUL hidden inside the JSON text', () => {
    assert.throws(() => parseSearchFilters('{"__proto__": {"x": 1}}'), FrappeError);
    assert.throws(() => parseSearchFilters('{"status": "a\\u0000b"}'), FrappeError);
  });
});

describe('search markup', () => {
  it('escapes the text and turns the marks into <mark>', () => {
    assert.equal(
      markedHtml(`<img src=x onerror=alert(1)> ${MARK_START}refund${MARK_END} & "more"`),
      '&lt;img src=x onerror=alert(1)&gt; <mark>refund</mark> &amp; &quot;more&quot;',
    );
  });

  it('never leaves a <mark> open or closes one that was not opened', () => {
    assert.equal(markedHtml(`${MARK_END}a${MARK_START}${MARK_START}b`), 'a<mark>b</mark>');
  });
});

describe('search limit and recency', () => {
  it('defaults to 20 and caps at 100', () => {
    assert.equal(searchLimit(undefined), 20);
    assert.equal(searchLimit('abc'), 20);
    assert.equal(searchLimit(0), 20);
    assert.equal(searchLimit(-5), 20);
    assert.equal(searchLimit('7'), 7);
    assert.equal(searchLimit(5.9), 5);
    assert.equal(searchLimit(1000), 100);
  });

  it('boosts what changed lately as Frappe does', () => {
    const now = new Date('2026-06-01T12:00:00Z');
    const ago = (days: number) => new Date(now.getTime() - days * 86_400_000);
    assert.equal(recencyBoost(ago(0.5), now), 1.8);
    assert.equal(recencyBoost(ago(3), now), 1.5);
    assert.equal(recencyBoost(ago(20), now), 1.2);
    assert.equal(recencyBoost(ago(60), now), 1.1);
    assert.ok(Math.abs(recencyBoost(ago(110), now) - 1.0) < 1e-9);
    assert.equal(recencyBoost(ago(1000), now), 0.5);
  });
});
