import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ServiceLevelPriorityInput } from './service-level-agreement.commands.js';
import { assertViolation, create, validInput } from './testing/agreement.fixtures.js';

const NAME = 'Enterprise';
const row = (
  priority: string,
  response_time: number | null,
  resolution_time: number | null,
  default_priority: 0 | 1 = 0,
): ServiceLevelPriorityInput => ({ priority, response_time, resolution_time, default_priority });
const withPriorities = (priorities: ServiceLevelPriorityInput[], apply_sla_for_resolution = 1) =>
  create(
    validInput(NAME, { priorities, apply_sla_for_resolution: apply_sla_for_resolution as 0 | 1 }),
  );
const withHours = (
  support_and_resolution: { workday: string; start_time: string; end_time: string }[],
) => create(validInput(NAME, { support_and_resolution }));

describe('SLA validation: default priority (§1.2 rule 2)', () => {
  it('refuses more than one row flagged default', () => {
    assertViolation(
      () => withPriorities([row('High', 60, 120, 1), row('Low', 60, 120, 1)]),
      'ValidationError',
      'You cannot set more than one Default Priority.',
    );
  });

  it('requires one row flagged default, and copies its priority to default_priority', () => {
    assertViolation(
      () => withPriorities([row('High', 60, 120), row('Low', 60, 120)]),
      'ValidationError',
      'Select a Default Priority.',
    );
    const [event] = withPriorities([row('High', 60, 120), row('Low', 60, 120, 1)]).events;
    assert.equal(
      event?.type === 'ServiceLevelAgreementCreated' && event.data.values.default_priority,
      'Low',
    );
  });
});

describe('SLA validation: response and resolution times (§1.2 rule 3)', () => {
  it('requires a response time in every row', () => {
    assertViolation(
      () => withPriorities([row('Medium', 60, 120, 1), row('High', null, 120)]),
      'ValidationError',
      'Set Response Time for Priority High in row 2.',
    );
    assertViolation(
      () => withPriorities([row('Medium', 0, 120, 1)]),
      'ValidationError',
      'Set Response Time for Priority Medium in row 1.',
    );
  });

  it('requires a resolution time no shorter than the response time while resolution is enforced', () => {
    assertViolation(
      () => withPriorities([row('Medium', 60, null, 1)]),
      'ValidationError',
      'Set Resolution Time for Priority Medium in row 1.',
    );
    assertViolation(
      () => withPriorities([row('Medium', 60, 120, 1), row('Low', 7200, 3600)]),
      'ValidationError',
      "Response Time for Low priority in row 2 can't be greater than Resolution Time.",
    );
    assert.equal(
      withPriorities([row('Medium', 60, 60, 1)]).events.length,
      1,
      'equal times are fine',
    );
  });

  it('needs no resolution time, and no order between the two, when resolution is not enforced', () => {
    const decision = withPriorities([row('Medium', 60, null, 1), row('Low', 7200, 3600)], 0);
    assert.equal(decision.events.length, 1);
  });
});

describe('SLA validation: unique priorities and working hours (§1.2 rule 4)', () => {
  it('refuses a priority listed twice, naming every repeated one', () => {
    assertViolation(
      () =>
        withPriorities([
          row('Medium', 60, 120, 1),
          row('Medium', 60, 120),
          row('Low', 1, 2),
          row('Low', 1, 2),
        ]),
      'ValidationError',
      'Priority Medium Low has been repeated.',
    );
  });

  it('refuses working hours that do not open before they close', () => {
    assertViolation(
      () =>
        withHours([
          { workday: 'Monday', start_time: '10:00', end_time: '18:00' },
          { workday: 'Tuesday', start_time: '18:00', end_time: '10:00' },
        ]),
      'ValidationError',
      "Start Time can't be greater than or equal to End Time in row 2.",
    );
    assertViolation(
      () => withHours([{ workday: 'Monday', start_time: '09:00:00', end_time: '9:00' }]),
      'ValidationError',
      "Start Time can't be greater than or equal to End Time in row 1.",
    );
  });

  it('refuses a workday listed twice', () => {
    assertViolation(
      () =>
        withHours([
          { workday: 'Monday', start_time: '10:00', end_time: '12:00' },
          { workday: 'Monday', start_time: '13:00', end_time: '18:00' },
        ]),
      'ValidationError',
      'Workday Monday has been repeated.',
    );
  });
});

describe('SLA validation: missing ticket priorities (§1.2 rule 5)', () => {
  it('only warns about enabled priorities the SLA leaves out', () => {
    const decision = create(validInput(NAME, { priorities: [row('Medium', 60, 120, 1)] }), {
      ticketPriorities: [
        { name: 'Medium', enabled: true },
        { name: 'High', enabled: true },
        { name: 'Retired', enabled: false },
      ],
    });
    assert.equal(decision.events.length, 1);
    assert.deepEqual(decision.messages, ['Priority High must be included in the SLA Enterprise.']);
  });
});

describe('SLA validation: conditions (§1.2 rule 6)', () => {
  it('accepts the conditions Helpdesk’s editor writes, in both forms', () => {
    const decision = create(
      validInput(NAME, {
        condition:
          '(doc.ticket_type and doc.ticket_type in ["Bug", "Incident"]) and doc.priority == "High"',
        condition_json: '[["priority","==","High"],"and",["ticket_type","in","Bug,Incident"]]',
      }),
    );
    assert.equal(decision.events.length, 1);
  });

  it('refuses a condition outside the safe grammar with Frappe’s message, never running it', () => {
    assertViolation(
      () => create(validInput(NAME, { condition: "__import__('os').system('id')" })),
      'ValidationError',
      /^The assignment condition '__import__\('os'\)\.system\('id'\)' is invalid: names containing '__' are not allowed/,
    );
    assertViolation(
      () => create(validInput(NAME, { condition: "priority == 'High'" })),
      'ValidationError',
      "The assignment condition 'priority == 'High'' is invalid: name 'priority' is not defined at position 0",
    );
    assertViolation(
      () => create(validInput(NAME, { condition: 'doc.get("priority")' })),
      'ValidationError',
      /is invalid: function calls are not supported/,
    );
  });

  it('refuses condition_json that is not JSON or not a condition', () => {
    assertViolation(
      () => create(validInput(NAME, { condition_json: '[["priority","==",' })),
      'ValidationError',
      `The assignment condition '[["priority","==",' is invalid: the condition is not valid JSON`,
    );
    assertViolation(
      () => create(validInput(NAME, { condition_json: '[["priority","timespan","last week"]]' })),
      'ValidationError',
      /is invalid: operator "timespan" is not supported/,
    );
  });
});
