import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertViolation, MANAGER, NOW, now } from '../agreement/testing/agreement.fixtures.js';
import { seededDefaultHolidayList } from './seeded-default-holiday-list.js';
import type {
  ServiceHolidayListCommand,
  ServiceHolidayListInput,
} from './service-holiday-list.commands.js';
import { decideServiceHolidayList } from './service-holiday-list.decide.js';
import type { ServiceHolidayListEvent } from './service-holiday-list.events.js';
import {
  evolveServiceHolidayList,
  initialServiceHolidayListState,
} from './service-holiday-list.state.js';

const NAME = 'Germany 2027';
const by = { name: NAME, at: NOW, by: MANAGER };
const given = (events: ServiceHolidayListEvent[]) =>
  events.reduce(evolveServiceHolidayList, initialServiceHolidayListState);
const decide = (
  history: ServiceHolidayListEvent[],
  command: ServiceHolidayListCommand,
  slasUsingList: string[] = [],
) => decideServiceHolidayList(given(history), command, { actor: MANAGER, now, slasUsingList });
const create = (values: ServiceHolidayListInput, history: ServiceHolidayListEvent[] = []) =>
  decide(history, { type: 'CreateServiceHolidayList', data: { values } });
const update = (changes: ServiceHolidayListInput, history: ServiceHolidayListEvent[]) =>
  decide(history, { type: 'UpdateServiceHolidayList', data: { name: NAME, changes } });

const newYear = { holiday_date: '2027-01-01', description: 'New Year', weekly_off: 0 as const };
const valid: ServiceHolidayListInput = {
  holiday_list_name: NAME,
  from_date: '2027-01-01',
  to_date: '2027-12-31',
  holidays: [newYear],
};
const existing = create(valid);

describe('CreateServiceHolidayList', () => {
  it('records the list with its holiday count computed', () => {
    assert.deepEqual(existing, [
      {
        type: 'ServiceHolidayListCreated',
        data: {
          ...by,
          values: {
            holiday_list_name: NAME,
            from_date: '2027-01-01',
            to_date: '2027-12-31',
            weekly_off: null,
            holidays: [newYear],
            total_holidays: 1,
            color: null,
            description: null,
          },
        },
      },
    ]);
  });

  it('given the seeded list, when it is created, then it passes its own validation unchanged', () => {
    const seeded = seededDefaultHolidayList(2026);
    const { name: _, ...input } = seeded;
    assert.deepEqual(given(create(input)), { kind: 'present', list: seeded });
    assert.equal(seeded.from_date, '2026-01-01');
    assert.equal(seeded.to_date, '2027-01-01');
  });

  it('refuses a missing name or dates, and a name already taken', () => {
    assertViolation(
      () => create({ ...valid, holiday_list_name: '' }),
      'MandatoryError',
      'Error: Value missing for HD Service Holiday List: Holiday List Name',
    );
    assertViolation(
      () => create({ ...valid, to_date: null }),
      'MandatoryError',
      'Error: Value missing for HD Service Holiday List: To Date',
    );
    assertViolation(
      () => create({ ...valid, holidays: [{ holiday_date: '2027-05-01' }] }),
      'MandatoryError',
      'Error: Value missing for HD Holiday: Description',
    );
    assertViolation(
      () => create(valid, existing),
      'DuplicateEntryError',
      'HD Service Holiday List Germany 2027 already exists',
    );
  });

  it('refuses a range that runs backwards', () => {
    assertViolation(
      () => create({ ...valid, from_date: '2027-12-31', to_date: '2027-01-01', holidays: [] }),
      'ValidationError',
      'To Date cannot be before From Date',
    );
  });

  it('refuses a holiday outside the range, naming its date as Frappe formats it', () => {
    assertViolation(
      () =>
        create({
          ...valid,
          holidays: [newYear, { holiday_date: '2028-01-01', description: 'Next' }],
        }),
      'ValidationError',
      'The holiday on 01-01-2028 is not between From Date and To Date',
    );
  });

  it('refuses an unknown weekly off day and dates that are not dates', () => {
    assertViolation(
      () => create({ ...valid, weekly_off: 'Caturday' }),
      'ValidationError',
      'Weekly Off cannot be "Caturday". It should be one of "", "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"',
    );
    assertViolation(
      () => create({ ...valid, holidays: [{ holiday_date: '1 May', description: 'Labour Day' }] }),
      'ValidationError',
      'Row #1: Date "1 May" is not a valid date (YYYY-MM-DD)',
    );
  });
});

describe('UpdateServiceHolidayList', () => {
  it('records only what changes, with the new holiday count', () => {
    const labourDay = {
      holiday_date: '2027-05-01',
      description: 'Labour Day',
      weekly_off: 0 as const,
    };
    assert.deepEqual(
      update({ holidays: [newYear, labourDay], color: '#ff0000', to_date: '2027-12-31' }, existing),
      [
        {
          type: 'ServiceHolidayListUpdated',
          data: {
            ...by,
            changes: { holidays: [newYear, labourDay], total_holidays: 2, color: '#ff0000' },
          },
        },
      ],
    );
    assert.deepEqual(update({ weekly_off: '' }, existing), []);
  });

  it('checks the list as it would be after the change', () => {
    assertViolation(
      () => update({ to_date: '2026-12-31' }, existing),
      'ValidationError',
      'To Date cannot be before From Date',
    );
    assertViolation(
      () => update({ holiday_list_name: 'Other' }, existing),
      'ValidationError',
      'Value cannot be changed for Holiday List Name',
    );
    assertViolation(
      () => update({ color: 'red' }, []),
      'DoesNotExistError',
      'HD Service Holiday List Germany 2027 not found',
    );
  });
});

describe('DeleteServiceHolidayList', () => {
  const remove: ServiceHolidayListCommand = {
    type: 'DeleteServiceHolidayList',
    data: { name: NAME },
  };

  it('deletes a list no SLA uses', () => {
    const events = decide(existing, remove);
    assert.deepEqual(events, [{ type: 'ServiceHolidayListDeleted', data: by }]);
    assert.deepEqual(given([...existing, ...events]), { kind: 'absent' });
  });

  it('refuses to delete a list an SLA names', () => {
    assertViolation(
      () => decide(existing, remove, ['Default', 'Gold']),
      'LinkExistsError',
      'Cannot delete or cancel because HD Service Holiday List Germany 2027 is linked with HD Service Level Agreement Default',
    );
  });
});
