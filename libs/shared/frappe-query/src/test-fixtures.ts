import assert from 'node:assert/strict';
import { FrappeError } from '@helpdesk/shared-frappe-api';
import { compileCount, compileList, type QueryContext } from './compile-list.js';
import type { DocTypeMeta } from './doctype-meta.js';
import { parseFilters } from './filter-shapes.js';
import { parseListParams } from './list-params.js';

/** Shaped like `ticket.hd_ticket` (plus a Time column) for the tests of this library. */
export const HD_TICKET: DocTypeMeta = {
  doctype: 'HD Ticket',
  table: 'ticket.hd_ticket',
  nameType: 'int',
  defaultOrder: 'modified desc',
  fields: [
    { fieldname: 'name', fieldtype: 'Int', label: 'ID' },
    { fieldname: 'owner', fieldtype: 'Link', options: 'User' },
    { fieldname: 'creation', fieldtype: 'Datetime' },
    { fieldname: 'modified', fieldtype: 'Datetime' },
    { fieldname: 'modified_by', fieldtype: 'Link', options: 'User' },
    { fieldname: 'docstatus', fieldtype: 'Int', constant: 0 },
    { fieldname: 'idx', fieldtype: 'Int', constant: 0 },
    { fieldname: 'subject', fieldtype: 'Data' },
    { fieldname: 'raised_by', fieldtype: 'Data', options: 'Email' },
    { fieldname: 'status', fieldtype: 'Link', options: 'HD Ticket Status' },
    { fieldname: 'priority', fieldtype: 'Link', options: 'HD Ticket Priority' },
    { fieldname: 'agent_group', fieldtype: 'Link', options: 'HD Team', label: 'Team' },
    { fieldname: 'customer', fieldtype: 'Link', options: 'HD Customer' },
    { fieldname: 'via_customer_portal', fieldtype: 'Check' },
    { fieldname: 'opening_date', fieldtype: 'Date' },
    { fieldname: 'opening_time', fieldtype: 'Time' },
    { fieldname: '_assign', fieldtype: 'JSON', label: 'Assigned To' },
    { fieldname: 'response_by', fieldtype: 'Datetime' },
    { fieldname: 'first_response_time', fieldtype: 'Duration' },
    { fieldname: 'feedback_rating', fieldtype: 'Rating' },
    { fieldname: 'description', fieldtype: 'Text Editor' },
    { fieldname: 'title', fieldtype: 'Data', column: 'subject' },
  ],
};

export const BERLIN = { timeZone: 'Europe/Berlin', now: new Date('2026-03-31T10:00:00Z') };

/** The WHERE clause the filters compile to (count query: no paging parameters). */
export function where(filters: unknown, orFilters: unknown = [], context: QueryContext = BERLIN) {
  const query = compileCount(
    HD_TICKET,
    { filters: parseFilters(filters), orFilters: parseFilters(orFilters, 'or_filters') },
    context,
  );
  return {
    sql: query.text.replace(
      /^SELECT count\(\*\) AS "count" FROM "ticket"."hd_ticket"( WHERE )?/,
      '',
    ),
    values: query.values,
  };
}

export function list(raw: Record<string, unknown>, context: QueryContext = BERLIN) {
  return compileList(HD_TICKET, parseListParams(raw), context);
}

/** Fails unless `run` throws a 417 FrappeError whose message matches. */
export function assertRefused(run: () => unknown, message: RegExp): void {
  assert.throws(run, (error: unknown) => {
    assert.ok(error instanceof FrappeError, `expected a FrappeError, got ${String(error)}`);
    assert.equal(error.httpStatus, 417);
    assert.match(error.message, message);
    return true;
  });
}
