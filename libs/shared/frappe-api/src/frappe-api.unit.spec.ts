import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { toErrorEnvelope } from './error-envelope.js';
import { formatFrappeDate, formatFrappeDatetime } from './frappe-datetime.js';
import { FrappeError, isWireError } from './frappe-error.js';
import { assertPlainJson, jsonArgument, MAX_JSON_DEPTH } from './method-arguments.js';

describe('Frappe error envelope', () => {
  it('carries exc_type, the exception line and _server_messages as a JSON string of JSON strings', () => {
    const envelope = toErrorEnvelope(FrappeError.doesNotExist('HD Ticket', 42));
    assert.equal(envelope.exc_type, 'DoesNotExistError');
    assert.equal(envelope.exception, 'frappe.exceptions.DoesNotExistError: HD Ticket 42 not found');
    const outer = JSON.parse(envelope._server_messages) as unknown[];
    assert.equal(typeof outer[0], 'string');
    const message = JSON.parse(outer[0] as string) as Record<string, unknown>;
    assert.equal(message.message, 'HD Ticket 42 not found');
    assert.equal(message.indicator, 'red');
    assert.equal(message.raise_exception, 1);
  });

  it('maps exception classes to Frappe status codes', () => {
    assert.equal(FrappeError.mandatory('HD Ticket', ['subject']).httpStatus, 417);
    assert.equal(FrappeError.permission().httpStatus, 403);
    assert.equal(FrappeError.authentication().httpStatus, 401);
    assert.equal(FrappeError.conflict('HD Ticket', 1).httpStatus, 409);
    assert.equal(FrappeError.doesNotExist('HD Ticket', 1).httpStatus, 404);
  });

  it('survives the trip over NATS as a plain object', () => {
    const original = FrappeError.conflict('HD Ticket', 7);
    const wire = JSON.parse(JSON.stringify(original.toWire())) as unknown;
    assert.ok(isWireError(wire));
    const back = FrappeError.fromWire(wire);
    assert.equal(back?.excType, 'TimestampMismatchError');
    assert.equal(back?.message, original.message);
    assert.equal(isWireError({ excType: '__proto__', message: 'x' }), false);
  });
});

describe('Frappe datetimes', () => {
  const instant = new Date('2026-03-29T00:59:59.123Z');

  it('renders naive site-zone text with microseconds', () => {
    assert.equal(formatFrappeDatetime(instant, 'UTC'), '2026-03-29 00:59:59.123000');
    assert.equal(formatFrappeDatetime(instant, 'Asia/Kolkata'), '2026-03-29 06:29:59.123000');
  });

  it('follows daylight saving in the site zone', () => {
    // Berlin moves to CEST at 01:00 UTC on 2026-03-29.
    assert.equal(formatFrappeDatetime(instant, 'Europe/Berlin'), '2026-03-29 01:59:59.123000');
    assert.equal(
      formatFrappeDatetime(new Date('2026-03-29T01:00:00Z'), 'Europe/Berlin'),
      '2026-03-29 03:00:00.000000',
    );
  });

  it('takes the calendar day of the site zone', () => {
    assert.equal(
      formatFrappeDate(new Date('2026-11-21T20:00:00Z'), 'Pacific/Auckland'),
      '2026-11-22',
    );
    assert.equal(
      formatFrappeDate(new Date('2026-11-21T20:00:00Z'), 'America/New_York'),
      '2026-11-21',
    );
  });
});

describe('hostile JSON arguments', () => {
  const nested = (depth: number) => JSON.parse(`${'['.repeat(depth)}1${']'.repeat(depth)}`);
  const refused = (run: () => unknown, message: RegExp) =>
    assert.throws(run, (error: unknown) => {
      assert.ok(error instanceof FrappeError);
      assert.equal(error.excType, 'ValidationError');
      assert.match(error.message, message);
      return true;
    });

  it('refuses nesting deeper than any document or filter, without overflowing the stack', () => {
    assert.doesNotThrow(() => assertPlainJson(nested(MAX_JSON_DEPTH), 'filters'));
    refused(
      () => assertPlainJson(nested(MAX_JSON_DEPTH + 1), 'filters'),
      /filters is nested too deeply/,
    );
    refused(() => assertPlainJson({ doc: nested(200_000) }, 'Document'), /nested too deeply/);
    refused(() => jsonArgument(`${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`, 'docs'), /docs/);
  });

  it('refuses NUL in any text or key, which Postgres cannot store', () => {
    refused(() => assertPlainJson({ filters: [['name', '=', 'a\u0000b']] }, 'Arguments'), /NUL/);
    refused(() => assertPlainJson({ 'x\u0000': 1 }, 'Arguments'), /NUL/);
    assert.doesNotThrow(() => assertPlainJson({ subject: 'a\\u0000b' }, 'Arguments'));
  });

  it('refuses prototype keys only where asked', () => {
    const poisoned = JSON.parse('{"subject":{"constructor":"x"}}') as unknown;
    assert.doesNotThrow(() => assertPlainJson(poisoned, 'Arguments'));
    refused(
      () => assertPlainJson(poisoned, 'Request body', { prototypeKeys: false }),
      /may not have a field named constructor/,
    );
    refused(
      () => assertPlainJson(JSON.parse('[{"__proto__":1}]'), 'Body', { prototypeKeys: false }),
      /__proto__/,
    );
  });
});
