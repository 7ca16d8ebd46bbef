import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { takeAssignedOn, withNamesIn } from './assigned-on.js';

describe('__assigned_on in list filters', () => {
  it('takes a dict filter out, with its operator or as equality', () => {
    assert.deepEqual(
      takeAssignedOn({ status: 'Open', __assigned_on: ['timespan', 'last 7 days'] }),
      { filters: { status: 'Open' }, condition: ['timespan', 'last 7 days'] },
    );
    assert.deepEqual(takeAssignedOn({ __assigned_on: '2026-11-21' }), {
      filters: {},
      condition: ['=', '2026-11-21'],
    });
  });

  it('takes a list condition out; a condition without a value only disappears', () => {
    assert.deepEqual(
      takeAssignedOn([
        ['status', '=', 'Open'],
        ['__assigned_on', '>=', '2026-11-01'],
      ]),
      { filters: [['status', '=', 'Open']], condition: ['>=', '2026-11-01'] },
    );
    assert.deepEqual(takeAssignedOn([['__assigned_on', 'is']]), { filters: [] });
  });

  it('leaves filters without it alone', () => {
    const filters = [['status', '=', 'Open']];
    assert.deepEqual(takeAssignedOn(filters), { filters });
    assert.deepEqual(takeAssignedOn({}), { filters: {} });
  });

  it('adds the names as `name in`, or intersects an existing `name in`', () => {
    assert.deepEqual(withNamesIn({ status: 'Open' }, [3, 5]), {
      status: 'Open',
      name: ['in', [3, 5]],
    });
    assert.deepEqual(withNamesIn({ name: ['in', ['5', '7']] }, [3, 5]), { name: ['in', [5]] });
    assert.deepEqual(withNamesIn([['name', 'IN', [5, 7]]], [3, 5]), [['name', 'in', [5]]]);
    assert.deepEqual(withNamesIn([['status', '=', 'Open']], []), [
      ['status', '=', 'Open'],
      ['name', 'in', []],
    ]);
  });
});
