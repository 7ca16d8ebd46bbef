import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ServiceLevelAgreementInput } from './service-level-agreement.commands.js';
import type { ServiceLevelAgreementEvent } from './service-level-agreement.events.js';
import {
  MANAGER,
  NOW,
  SITE_ZONE,
  assertViolation,
  created,
  decide,
  given,
} from './testing/agreement.fixtures.js';

const NAME = 'Enterprise';
const by = { name: NAME, at: NOW, by: MANAGER };
const update = (
  changes: ServiceLevelAgreementInput,
  history: ServiceLevelAgreementEvent[] = [created(NAME)],
) => decide(history, { type: 'UpdateServiceLevelAgreement', data: { name: NAME, changes } });

describe('UpdateServiceLevelAgreement', () => {
  it('records only the fields that change, computed ones included', () => {
    const decision = update({
      description: 'Gold customers',
      enabled: 1,
      holiday_list: 'Default',
      priority: 5,
      priorities: [
        { priority: 'Urgent', response_time: 900, resolution_time: 3600, default_priority: 1 },
        { priority: 'High', response_time: 1800, resolution_time: 7200 },
        { priority: 'Medium', response_time: 3600, resolution_time: 14400 },
        { priority: 'Low', response_time: 7200, resolution_time: 28800 },
      ],
    });
    assert.deepEqual(decision.events, [
      {
        type: 'ServiceLevelAgreementUpdated',
        data: {
          ...by,
          changes: {
            description: 'Gold customers',
            priority: 5,
            priorities: [
              {
                priority: 'Urgent',
                response_time: 900,
                resolution_time: 3600,
                default_priority: 1,
              },
              { priority: 'High', response_time: 1800, resolution_time: 7200, default_priority: 0 },
              {
                priority: 'Medium',
                response_time: 3600,
                resolution_time: 14400,
                default_priority: 0,
              },
              { priority: 'Low', response_time: 7200, resolution_time: 28800, default_priority: 0 },
            ],
            default_priority: 'Urgent',
          },
        },
      },
    ]);
    const state = given([created(NAME), ...decision.events]);
    assert.equal(state.kind === 'present' && state.agreement.default_priority, 'Urgent');
  });

  it('records nothing when nothing changes', () => {
    assert.deepEqual(update({ enabled: true, timezone: SITE_ZONE, condition: null }), {
      events: [],
      demote: null,
      messages: [],
    });
  });

  it('checks the SLA as it would be after the change', () => {
    assertViolation(
      () =>
        update({ apply_sla_for_resolution: 1 }, [
          created(NAME, {
            apply_sla_for_resolution: 0,
            priorities: [
              { priority: 'Medium', response_time: 60, resolution_time: null, default_priority: 1 },
            ],
          }),
        ]),
      'ValidationError',
      'Set Resolution Time for Priority Medium in row 1.',
    );
    assertViolation(() => update({ holiday_list: '' }), 'MandatoryError', /Holiday List/);
  });

  it('clears the zone back to the site’s and the window and condition to nothing', () => {
    const history = [
      created(NAME, {
        timezone: 'Asia/Tokyo',
        start_date: '2026-01-01',
        condition: "doc.priority == 'High'",
      }),
    ];
    const [event] = update({ timezone: null, start_date: '', condition: '  ' }, history).events;
    assert.deepEqual(event?.type === 'ServiceLevelAgreementUpdated' && event.data.changes, {
      timezone: SITE_ZONE,
      start_date: null,
      condition: null,
    });
  });

  it('refuses a new service level name, an unknown SLA', () => {
    assertViolation(
      () => update({ service_level: 'Platinum' }),
      'ValidationError',
      'Value cannot be changed for Service Level Name',
    );
    assert.deepEqual(update({ service_level: NAME }).events, []);
    assertViolation(
      () => update({ priority: 1 }, []),
      'DoesNotExistError',
      'HD Service Level Agreement Enterprise not found',
    );
  });
});
