import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ServiceLevelAgreementCommand } from './service-level-agreement.commands.js';
import {
  MANAGER,
  NOW,
  assertViolation,
  create,
  created,
  decide,
  given,
  validInput,
} from './testing/agreement.fixtures.js';

const NAME = 'Enterprise';
const update = (changes: object): ServiceLevelAgreementCommand => ({
  type: 'UpdateServiceLevelAgreement',
  data: { name: NAME, changes },
});
const remove: ServiceLevelAgreementCommand = {
  type: 'DeleteServiceLevelAgreement',
  data: { name: NAME },
};
const DEMOTION_NOTICE =
  'Setting <strong>Enterprise</strong> as the default SLA removes <strong>Default</strong> as the default SLA. You’ll need to add a condition in <strong>Default</strong> for the SLA to work.';

describe('the default SLA (§1.2 rule 1)', () => {
  it('given "Default" is the default, when a new SLA is created as default, then "Default" is to be demoted in the same transaction', () => {
    const decision = create(validInput(NAME, { default_sla: 1 }));
    assert.equal(decision.events[0]?.type, 'ServiceLevelAgreementCreated');
    assert.equal(decision.demote, 'Default');
    assert.deepEqual(decision.messages, [DEMOTION_NOTICE]);
  });

  it('given "Default" is the default, when another SLA is made default, then "Default" is to be demoted', () => {
    const decision = decide([created(NAME)], update({ default_sla: true }));
    assert.deepEqual(decision.events, [
      {
        type: 'ServiceLevelAgreementUpdated',
        data: { name: NAME, at: NOW, by: MANAGER, changes: { default_sla: 1 } },
      },
    ]);
    assert.equal(decision.demote, 'Default');
    assert.deepEqual(decision.messages, [DEMOTION_NOTICE]);
  });

  it('given no other default, when the default SLA is saved, then nothing is demoted', () => {
    const decision = decide([created(NAME, { default_sla: 1 })], update({ description: 'Gold' }), {
      otherDefaultSla: null,
    });
    assert.equal(decision.demote, null);
    assert.deepEqual(decision.messages, []);
  });

  it('given no default SLA, when a non-default SLA is created, then it is refused', () => {
    assertViolation(
      () => create(validInput(NAME), { otherDefaultSla: null }),
      'ValidationError',
      'You must set one SLA as Default. Please check the Default SLA option.',
    );
  });

  it('given the only default, when it stops being default, then it is refused', () => {
    assertViolation(
      () =>
        decide([created(NAME, { default_sla: 1 })], update({ default_sla: 0 }), {
          otherDefaultSla: null,
        }),
      'ValidationError',
      'You must set one SLA as Default. Please check the Default SLA option.',
    );
  });

  it('given the default, when it is disabled or created disabled, then it is refused', () => {
    assertViolation(
      () =>
        decide([created(NAME, { default_sla: 1 })], update({ enabled: 0 }), {
          otherDefaultSla: null,
        }),
      'ValidationError',
      'You cannot disable the default SLA.',
    );
    assertViolation(
      () => create(validInput(NAME, { default_sla: 1, enabled: 0 })),
      'ValidationError',
      'You cannot disable the default SLA.',
    );
  });

  it('given a disabled SLA, when it becomes default without changing enabled, then it is accepted as Frappe accepts it', () => {
    const decision = decide([created(NAME, { enabled: 0 })], update({ default_sla: 1 }));
    assert.equal(decision.demote, 'Default');
  });

  it('given the only default, when it is deleted, then it is refused', () => {
    assertViolation(
      () => decide([created(NAME, { default_sla: 1 })], remove, { otherDefaultSla: null }),
      'ValidationError',
      'Cannot delete the default SLA. At least one SLA must be marked as default.',
    );
  });

  it('given a conditional SLA, when it is deleted, then it is gone and its name is free', () => {
    const decision = decide([created(NAME)], remove);
    assert.deepEqual(decision.events, [
      { type: 'ServiceLevelAgreementDeleted', data: { name: NAME, at: NOW, by: MANAGER } },
    ]);
    assert.deepEqual(given([created(NAME), ...decision.events]), { kind: 'absent' });
  });
});

describe('DemoteServiceLevelAgreement', () => {
  const demote: ServiceLevelAgreementCommand = {
    type: 'DemoteServiceLevelAgreement',
    data: { name: NAME, in_favour_of: 'Gold' },
  };

  it('given the previous default, when demoted, then it is no longer default, without its rules checked again', () => {
    const history = [created(NAME, { default_sla: 1, holiday_list: '' })];
    const decision = decide(history, demote, { holidayListExists: false });
    assert.deepEqual(decision, {
      events: [
        {
          type: 'ServiceLevelAgreementDemoted',
          data: { name: NAME, at: NOW, by: MANAGER, in_favour_of: 'Gold' },
        },
      ],
      demote: null,
      messages: [],
    });
    const state = given([...history, ...decision.events]);
    assert.equal(state.kind === 'present' && state.agreement.default_sla, 0);
  });

  it('records nothing for an SLA that is not default, and refuses an unknown one', () => {
    assert.deepEqual(decide([created(NAME)], demote).events, []);
    assertViolation(
      () => decide([], demote),
      'DoesNotExistError',
      'HD Service Level Agreement Enterprise not found',
    );
  });
});
