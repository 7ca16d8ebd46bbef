import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FrappeError } from '@helpdesk/shared-frappe-api';
import type { RequestContext } from '../request-context.js';
import { MARK_END, MARK_START } from './search-markup.js';
import { TicketSearchMethods } from './ticket-search.methods.js';
import type { SearchHit, SearchRequest, TicketSearchIndex } from './ticket-search.port.js';

const NOW = new Date('2026-06-01T12:00:00Z');
const agent: RequestContext = { user: 'x@help.example', roles: ['Agent'], correlationId: 'c' };
const customer: RequestContext = { user: 'ann@a.example', roles: [], correlationId: 'c' };
const guest: RequestContext = { user: 'Guest', roles: ['Guest'], correlationId: 'c' };

const hit = (name: string, rank: number, daysAgo: number): SearchHit => ({
  doctype: 'HD Ticket',
  name,
  ticket: name,
  rank,
  modified: new Date(NOW.getTime() - daysAgo * 86_400_000),
  title: `${MARK_START}Refund${MARK_END} <b>`,
  content: '',
  agent_group: null,
  customer: null,
  status: 'Open',
  priority: null,
  owner: 'ann@a.example',
});

/** An index answering fixed hits and remembering what it was asked. */
function index(hits: SearchHit[]) {
  const requests: SearchRequest[] = [];
  const fake: TicketSearchIndex = {
    search(request) {
      requests.push(request);
      return Promise.resolve({ hits, total: hits.length + 10 });
    },
    filterOptions() {
      return Promise.reject(new Error('not asked'));
    },
  };
  return { fake, requests };
}

describe('TicketSearchMethods', () => {
  it('refuses a query shorter than two characters with Frappe’s ValidationError', async () => {
    const { fake, requests } = index([]);
    const methods = new TicketSearchMethods(fake, () => NOW);
    for (const query of ['r', ' r ', '', undefined]) {
      await assert.rejects(
        methods.search({ query }, agent),
        (error: FrappeError) =>
          error.excType === 'ValidationError' &&
          error.httpStatus === 417 &&
          error.message === 'Search query must be at least 2 characters',
      );
    }
    assert.equal(requests.length, 0);
  });

  it('refuses guests', async () => {
    const methods = new TicketSearchMethods(index([]).fake, () => NOW);
    await assert.rejects(methods.search({ query: 'refund' }, guest), {
      excType: 'PermissionError',
    });
    await assert.rejects(methods.getFilterOptions(guest), { excType: 'PermissionError' });
  });

  it('asks the index for comments only for agents, and applies the capped limit', async () => {
    const { fake, requests } = index([]);
    const methods = new TicketSearchMethods(fake, () => NOW);
    await methods.search({ query: 'refund', limit: 500 }, agent);
    await methods.search({ query: 'refund', title_only: '1' }, customer);
    assert.deepEqual(
      requests.map(({ includeComments, limit, titleOnly, tsquery }) => ({
        includeComments,
        limit,
        titleOnly,
        tsquery,
      })),
      [
        { includeComments: true, limit: 100, titleOnly: false, tsquery: 'refund:*' },
        { includeComments: false, limit: 20, titleOnly: true, tsquery: 'refund:*A' },
      ],
    );
  });

  it('answers nothing without asking the index when no word or filter can match', async () => {
    const { fake, requests } = index([hit('1', 1, 0)]);
    const methods = new TicketSearchMethods(fake, () => NOW);
    const punctuation = await methods.search({ query: '!!' }, agent);
    const unknownField = await methods.search({ query: 'ok', filters: '{"subject":"x"}' }, agent);
    assert.equal(requests.length, 0);
    for (const reply of [punctuation, unknownField]) {
      const { results, summary } = reply.message as { results: unknown[]; summary: object };
      assert.deepEqual(results, []);
      assert.equal((summary as { total_matches: number }).total_matches, 0);
    }
  });

  it('scores relevance by recency, keeps the index order as original_rank, escapes titles', async () => {
    const methods = new TicketSearchMethods(
      index([hit('1', 0.5, 400), hit('2', 0.4, 0)]).fake,
      () => NOW,
    );
    const reply = await methods.search({ query: 'refund' }, agent);
    const { results, summary } = reply.message as {
      results: Record<string, unknown>[];
      summary: Record<string, unknown>;
    };
    assert.deepEqual(
      results.map((r) => [r.name, r.original_rank, r.modified_rank]),
      [
        [2, 2, 1],
        [1, 1, 2],
      ],
    );
    assert.equal(results[0]?.title, '<mark>Refund</mark> &lt;b&gt;');
    assert.equal(results[0]?.id, 'HD Ticket:2');
    assert.equal(results[0]?.reference_ticket, 2);
    assert.deepEqual(
      { ...summary, duration: 0 },
      {
        duration: 0,
        total_matches: 12,
        returned_matches: 2,
        corrected_words: null,
        corrected_query: null,
        title_only: false,
        filtered_matches: 2,
        applied_filters: {},
      },
    );
  });
});
