import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { seededDefaultSla } from './seeded-default-sla.js';
import { SLA_DEFAULTS } from './service-level-agreement.document.js';
import {
  MANAGER,
  NOW,
  SITE_ZONE,
  assertViolation,
  create,
  created,
  decide,
  given,
  validInput,
} from './testing/agreement.fixtures.js';

const NAME = 'Enterprise';

describe('CreateServiceLevelAgreement', () => {
  it('given no SLA of that name, when it is created, then the SLA is recorded with Frappe’s defaults', () => {
    const decision = create({
      service_level: NAME,
      holiday_list: 'Default',
      condition: "doc.priority == 'Urgent'",
      support_and_resolution: [{ workday: 'Monday', start_time: '9:00', end_time: '17:30' }],
      priorities: [
        { priority: 'Urgent', response_time: 600, resolution_time: 3600, default_priority: true },
      ],
    });
    assert.deepEqual(decision, {
      events: [
        {
          type: 'ServiceLevelAgreementCreated',
          data: {
            name: NAME,
            at: NOW,
            by: MANAGER,
            values: {
              ...SLA_DEFAULTS,
              service_level: NAME,
              holiday_list: 'Default',
              condition: "doc.priority == 'Urgent'",
              support_and_resolution: [
                { workday: 'Monday', start_time: '09:00:00', end_time: '17:30:00' },
              ],
              priorities: [
                {
                  priority: 'Urgent',
                  response_time: 600,
                  resolution_time: 3600,
                  default_priority: 1,
                },
              ],
              default_priority: 'Urgent',
              timezone: SITE_ZONE,
            },
          },
        },
      ],
      demote: null,
      messages: [
        'Priority High must be included in the SLA Enterprise.',
        'Priority Medium must be included in the SLA Enterprise.',
        'Priority Low must be included in the SLA Enterprise.',
      ],
    });
  });

  it('given the seeded SLA document, when it is created on a fresh site, then it passes its own validation unchanged', () => {
    const seeded = seededDefaultSla('Asia/Kolkata');
    const { name, default_priority: _, ...input } = seeded;
    const decision = create(input, { otherDefaultSla: null });
    assert.deepEqual(decision.messages, []);
    assert.equal(decision.demote, null);
    const state = given(decision.events);
    assert.deepEqual(state, { kind: 'present', agreement: seeded });
    assert.equal(name, 'Default');
  });

  it('keeps the zone it is given and refuses one that is not an IANA zone', () => {
    const [event] = create(validInput(NAME, { timezone: 'America/New_York' })).events;
    assert.equal(
      event?.type === 'ServiceLevelAgreementCreated' && event.data.values.timezone,
      'America/New_York',
    );
    const [blank] = create(validInput(NAME, { timezone: '  ' })).events;
    assert.equal(
      blank?.type === 'ServiceLevelAgreementCreated' && blank.data.values.timezone,
      SITE_ZONE,
    );
    assertViolation(
      () => create(validInput(NAME, { timezone: 'Mars/Olympus' })),
      'ValidationError',
      'Time Zone "Mars/Olympus" is not a known IANA time zone',
    );
    assertViolation(
      () => create(validInput(NAME, { timezone: '+02:00' })),
      'ValidationError',
      /not a known IANA/,
    );
  });

  it('refuses a missing name and a name already taken', () => {
    assertViolation(
      () => create(validInput(' ')),
      'MandatoryError',
      'Error: Value missing for HD Service Level Agreement: Service Level Name',
    );
    assertViolation(
      () =>
        decide([created(NAME)], {
          type: 'CreateServiceLevelAgreement',
          data: { values: validInput(NAME) },
        }),
      'DuplicateEntryError',
      'HD Service Level Agreement Enterprise already exists',
    );
  });

  it('requires a holiday list, working hours and priorities', () => {
    assertViolation(
      () => create(validInput(NAME, { holiday_list: null })),
      'MandatoryError',
      'Error: Value missing for HD Service Level Agreement: Holiday List',
    );
    assertViolation(
      () => create(validInput(NAME, { support_and_resolution: [] })),
      'MandatoryError',
      'Error: Value missing for HD Service Level Agreement: Working Hours',
    );
    assertViolation(
      () => create(validInput(NAME, { priorities: [] })),
      'MandatoryError',
      'Error: Value missing for HD Service Level Agreement: Priorities',
    );
  });

  it('requires each row’s priority, workday and times', () => {
    assertViolation(
      () => create(validInput(NAME, { priorities: [{ response_time: 60, resolution_time: 60 }] })),
      'MandatoryError',
      'Error: Value missing for HD Service Level Priority: Priority',
    );
    assertViolation(
      () =>
        create(
          validInput(NAME, {
            support_and_resolution: [{ start_time: '10:00', end_time: '18:00' }],
          }),
        ),
      'MandatoryError',
      'Error: Value missing for HD Service Day: Workday',
    );
    assertViolation(
      () =>
        create(
          validInput(NAME, {
            support_and_resolution: [{ workday: 'Monday', start_time: '10:00' }],
          }),
        ),
      'MandatoryError',
      'Error: Value missing for HD Service Day: End Time',
    );
  });

  it('refuses links that find nothing, all named in one LinkValidationError', () => {
    assertViolation(
      () =>
        create(
          validInput(NAME, {
            holiday_list: 'Gone',
            default_ticket_status: 'Closed',
            priorities: [
              { priority: 'Medium', response_time: 60, resolution_time: 60, default_priority: 1 },
              { priority: 'Critical', response_time: 60, resolution_time: 60 },
            ],
          }),
          { holidayListExists: false },
        ),
      'LinkValidationError',
      'Could not find Holiday List: Gone, Default Ticket Status: Closed, Row #2: Priority: Critical',
    );
    assertViolation(
      () => create(validInput(NAME, { ticket_reopen_status: 'Paused' })),
      'LinkValidationError',
      'Could not find Ticket Reopen status: Paused',
    );
  });

  it('refuses values outside the field types: weekday, time, date, duration, ordering', () => {
    const hours = (row: object) => validInput(NAME, { support_and_resolution: [row] });
    assertViolation(
      () => create(hours({ workday: 'Funday', start_time: '10:00', end_time: '18:00' })),
      'ValidationError',
      'Row #1: Workday cannot be "Funday". It should be one of "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"',
    );
    assertViolation(
      () => create(hours({ workday: 'Monday', start_time: '10:60', end_time: '18:00' })),
      'ValidationError',
      'Row #1: Start Time "10:60" is not a valid time (HH:mm:ss)',
    );
    assertViolation(
      () => create(hours({ workday: 'Monday', start_time: '10:00', end_time: '24:30' })),
      'ValidationError',
      /End Time "24:30" is not a valid time/,
    );
    assertViolation(
      () => create(validInput(NAME, { end_date: '2026-02-30' })),
      'ValidationError',
      'End Date "2026-02-30" is not a valid date (YYYY-MM-DD)',
    );
    assertViolation(
      () =>
        create(
          validInput(NAME, {
            priorities: [{ priority: 'Low', response_time: -1, resolution_time: 60 }],
          }),
        ),
      'ValidationError',
      'Row #1: First Response Time must be a whole number of seconds, not negative',
    );
    assertViolation(
      () => create(validInput(NAME, { priority: 1.5 })),
      'ValidationError',
      'Priority must be a whole number',
    );
  });

  it('accepts working hours that close at midnight', () => {
    const decision = create(
      validInput(NAME, {
        support_and_resolution: [
          { workday: 'Sunday', start_time: '20:00:00.000000', end_time: '24:00' },
        ],
      }),
    );
    const [event] = decision.events;
    assert.deepEqual(
      event?.type === 'ServiceLevelAgreementCreated' && event.data.values.support_and_resolution,
      [{ workday: 'Sunday', start_time: '20:00:00', end_time: '24:00:00' }],
    );
  });
});
