import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isWeekday, weekdayIn } from './weekdays.js';

describe('weekdayIn', () => {
  it("names the day in the site's zone, which may differ from UTC's", () => {
    const lateSundayInNewYork = new Date('2026-11-23T03:30:00Z');
    assert.equal(weekdayIn(lateSundayInNewYork, 'UTC'), 'Monday');
    assert.equal(weekdayIn(lateSundayInNewYork, 'America/New_York'), 'Sunday');
    assert.equal(weekdayIn(new Date('2026-11-22T20:00:00Z'), 'Asia/Kolkata'), 'Monday');
  });

  it('recognises only the seven day names Frappe uses', () => {
    assert.equal(isWeekday('Friday'), true);
    assert.equal(isWeekday('friday'), false);
    assert.equal(isWeekday('constructor'), false);
  });
});
