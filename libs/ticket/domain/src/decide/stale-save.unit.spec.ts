import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decide } from '../ticket.decide.js';
import {
  AGENT,
  CUSTOMER,
  addComment,
  assertViolation,
  customer,
  given,
  meta,
  opened,
  update,
} from '../testing/ticket.fixtures.js';

/** `modified` as the site shows the ticket right after it was opened (UTC site). */
const READ_AT_OPENING = '2026-11-21 10:00:00.000000';
const subjectChanged = {
  type: 'TicketSubjectChanged' as const,
  data: { ...meta(CUSTOMER), subject: 'Cannot log in at all' },
};

describe('UpdateTicket carrying `modified` (Frappe check_if_latest)', () => {
  it('saves when `modified` is the stored one, and never writes it as a change', () => {
    const events = decide(
      update({ modified: READ_AT_OPENING, priority: 'High' }),
      given([opened()]),
    );
    assert.deepEqual(events, [
      { type: 'TicketPriorityChanged', data: { ...meta(AGENT), priority: 'High' } },
    ]);
    assert.deepEqual(decide(update({ modified: READ_AT_OPENING }), given([opened()])), []);
  });

  it('refuses a save prepared from a copy someone else changed since', () => {
    assertViolation(
      () =>
        decide(
          update({ modified: READ_AT_OPENING, priority: 'High' }),
          given([opened(), subjectChanged]),
        ),
      'stale',
      'Document has been modified after you have opened it ' +
        '(2026-11-21 11:00:00.000000, 2026-11-21 10:00:00.000000). ' +
        'Please refresh to get the latest document.',
    );
  });

  it('checks customers the same way', () => {
    const stale = update({ modified: READ_AT_OPENING, subject: 'x' }, customer);
    assertViolation(() => decide(stale, given([opened(), subjectChanged])), 'stale');
  });

  it('accepts the stored instant at a shorter precision or with an explicit zone', () => {
    const ticket = given([opened()]);
    for (const modified of [
      '2026-11-21 10:00:00',
      '2026-11-21 10:00:00.000',
      '2026-11-21T10:00:00.000000',
      '2026-11-21T10:00:00.000Z',
      '2026-11-21T15:30:00+05:30',
    ]) {
      assert.deepEqual(decide(update({ modified }), ticket), [], modified);
    }
  });

  it("compares in the site's time zone", () => {
    const kolkata = (instant: string) =>
      new Date(Date.parse(instant) + 5.5 * 3600_000)
        .toISOString()
        .replace('T', ' ')
        .replace('Z', '000');
    const ticket = given([opened()]);
    assert.deepEqual(
      decide(update({ modified: '2026-11-21 15:30:00.000000' }, { showDatetime: kolkata }), ticket),
      [],
    );
    assertViolation(
      () => decide(update({ modified: READ_AT_OPENING }, { showDatetime: kolkata }), ticket),
      'stale',
    );
  });

  it('refuses a `modified` that is no datetime at all', () => {
    for (const modified of [null, '', 'yesterday', 1763719200000, '2026-11-21 10:00:00.0000001']) {
      assertViolation(() => decide(update({ modified }), given([opened()])), 'stale');
    }
  });

  it('is not moved by comments or assignments, which leave `modified` alone', () => {
    const ticket = given([
      opened(),
      addedComment(),
      {
        type: 'AgentAssigned',
        data: { ...meta(AGENT), agent: AGENT, assignees: [AGENT] },
      },
    ]);
    assert.deepEqual(decide(update({ modified: READ_AT_OPENING }), ticket), []);
  });
});

function addedComment() {
  const [event] = decide(addComment('looking'), given([opened()]));
  assert.ok(event);
  return event;
}
