import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  autoCloseActivity,
  autoCloseDueAt,
  autoCloseSettingsOf,
  isAutoCloseDue,
  type AutoCloseSettings,
} from './auto-close.js';

const ON: AutoCloseSettings = { enabled: true, days: 14, status: 'Replied' };
const LAST = '2026-11-01T09:30:00.000Z';
const DUE = new Date('2026-11-15T09:30:00.000Z');
const replied = { status: 'Replied', lastCommunicationAt: LAST };

describe('autoCloseSettingsOf', () => {
  it('given HD Settings with auto-close on, then it reads the days and the status', () => {
    assert.deepEqual(
      autoCloseSettingsOf({
        auto_close_tickets: 1,
        auto_close_after_days: 3,
        auto_close_status: 'Resolved',
      }),
      { enabled: true, days: 3, status: 'Resolved' },
    );
  });

  it('given no status, then it is Frappe\'s default "Replied"', () => {
    const settings = autoCloseSettingsOf({ auto_close_tickets: 1, auto_close_after_days: 14 });
    assert.equal(settings.status, 'Replied');
    assert.equal(autoCloseSettingsOf({ auto_close_status: null }).status, 'Replied');
  });

  it('given the check off, or a day count that is not a positive whole number, then it is off', () => {
    assert.equal(
      autoCloseSettingsOf({ auto_close_tickets: 0, auto_close_after_days: 14 }).enabled,
      false,
    );
    for (const days of [0, -2, 1.5, null, 'x']) {
      const settings = autoCloseSettingsOf({ auto_close_tickets: 1, auto_close_after_days: days });
      assert.equal(settings.enabled, false, `days ${String(days)}`);
    }
  });
});

describe('autoCloseDueAt', () => {
  it('given a ticket in the auto-close status with a Communication, then it is due N days after it', () => {
    assert.deepEqual(autoCloseDueAt(replied, ON), DUE);
    assert.deepEqual(
      autoCloseDueAt({ ...replied, lastCommunicationAt: new Date(LAST) }, { ...ON, days: 1 }),
      new Date('2026-11-02T09:30:00.000Z'),
    );
  });

  it('given a ticket in another status, then it is never due', () => {
    assert.equal(autoCloseDueAt({ ...replied, status: 'Open' }, ON), undefined);
  });

  it('given a ticket without any Communication, then it is never due', () => {
    assert.equal(autoCloseDueAt({ ...replied, lastCommunicationAt: null }, ON), undefined);
  });

  it('given the rule off, then no ticket is due', () => {
    assert.equal(autoCloseDueAt(replied, { ...ON, enabled: false }), undefined);
  });

  it('given "Closed" as the auto-close status, then nothing is due: closing would change nothing', () => {
    const closed = { status: 'Closed', lastCommunicationAt: LAST };
    assert.equal(autoCloseDueAt(closed, { ...ON, status: 'Closed' }), undefined);
  });
});

describe('isAutoCloseDue', () => {
  it('when the latest Communication is older than now − N days, then the ticket is due', () => {
    assert.equal(isAutoCloseDue(replied, ON, new Date(DUE.getTime() + 1)), true);
  });

  it('when it is exactly N days old, or younger, then it is not due yet (strictly older, as Frappe)', () => {
    assert.equal(isAutoCloseDue(replied, ON, DUE), false);
    assert.equal(isAutoCloseDue(replied, ON, new Date('2026-11-10T00:00:00.000Z')), false);
  });
});

describe('autoCloseActivity', () => {
  it('says "day" for one day and "days" otherwise', () => {
    assert.equal(autoCloseActivity(1), 'automatically closed the ticket after 1 day of inactivity');
    assert.equal(
      autoCloseActivity(14),
      'automatically closed the ticket after 14 days of inactivity',
    );
  });
});
