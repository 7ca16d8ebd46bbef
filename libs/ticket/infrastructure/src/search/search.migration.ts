import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The text of stored HTML as search reads it: block tags become spaces and inline tags nothing
 * (so `<b>work</b>ing` stays one word), the entities the editor writes become characters, runs of
 * white space one space, and the two characters search marks matches with (U+E000, U+E001; see
 * `search-markup.ts`) are removed. Only the first 50,000 characters (of the first 200,000 of
 * HTML) count: a tsvector holds at most 1 MB of words, and a longer body — a pasted log of unique
 * tokens, within the gateway's 10 MB — would otherwise fail the generated column and with it the
 * write that stores the ticket. IMMUTABLE, so generated columns may use it; it only calls built-in
 * immutable functions.
 */
const SEARCH_TEXT = `CREATE FUNCTION ticket.search_text(html text) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$
    SELECT left(btrim(regexp_replace(translate(
      replace(replace(replace(replace(replace(replace(
        regexp_replace(regexp_replace(left(html, 200000),
          '</?(p|div|br|hr|li|ul|ol|h[1-6]|blockquote|pre|table|tr|td|th)\\y[^>]*>', ' ', 'gi'),
          '<[^>]*>', '', 'g'),
        '&nbsp;', ' '), '&lt;', '<'), '&gt;', '>'), '&quot;', '"'), '&#39;', ''''), '&amp;', '&'),
      E'\\uE000\\uE001', ''), '\\s+', ' ', 'g')), 50000)
  $$`;

/**
 * Each searchable table gets its words as a stored tsvector (weight A for a ticket's subject, B for
 * descriptions, notes and e-mails, so a subject match ranks above a body match) and a GIN index
 * over it. The 'simple' configuration keeps every word unstemmed, so a typed prefix always
 * matches (`refu:*` finds "refunded"; an English stemmer would have stored "refund" and missed
 * `refunde:*`). Stored rather than computed per query: ranking reads every match's vector, and
 * rebuilding those from HTML for tens of thousands of matches would cost far more than the column.
 * Adding the columns rewrites the three tables once.
 */
const VECTORS: [table: string, index: string, vector: string, where: string][] = [
  [
    'hd_ticket',
    'hd_ticket_search_idx',
    `setweight(to_tsvector('simple', ticket.search_text(subject)), 'A')
      || setweight(to_tsvector('simple', ticket.search_text(COALESCE(description, ''))), 'B')`,
    '',
  ],
  [
    'hd_ticket_comment',
    'hd_ticket_comment_search_idx',
    `setweight(to_tsvector('simple', ticket.search_text(content)), 'B')`,
    '',
  ],
  [
    'communication',
    'communication_search_idx',
    `setweight(to_tsvector('simple', ticket.search_text(content)), 'B')`,
    // Frappe indexes the e-mails of tickets only.
    `WHERE reference_doctype = 'HD Ticket'`,
  ],
];

export class TicketSearch1763700001800 implements MigrationInterface {
  name = 'TicketSearch1763700001800';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(SEARCH_TEXT);
    for (const [table, index, vector, where] of VECTORS) {
      await runner.query(
        `ALTER TABLE ticket.${table}
           ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (${vector}) STORED`,
      );
      await runner.query(
        `CREATE INDEX ${index} ON ticket.${table} USING gin (search_vector) ${where}`,
      );
    }
    // The rewritten tables' new column has no statistics yet; without them the planner guesses
    // how many rows a search matches until autovacuum gets round to it.
    await runner.query(`ANALYZE ${VECTORS.map(([table]) => `ticket.${table}`).join(', ')}`);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const [table] of VECTORS) {
      await runner.query(`ALTER TABLE ticket.${table} DROP COLUMN search_vector`);
    }
    await runner.query(`DROP FUNCTION ticket.search_text(text)`);
  }
}
