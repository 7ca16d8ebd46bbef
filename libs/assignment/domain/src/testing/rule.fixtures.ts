import assert from 'node:assert/strict';
import type { AssignmentRuleContext } from '../rule/assignment-rule.commands.js';
import type {
  AssignmentRuleDocument,
  AssignmentRuleValues,
} from '../rule/assignment-rule.document.js';
import type { AssignmentRuleEvent } from '../rule/assignment-rule.events.js';
import {
  evolveAssignmentRule,
  initialAssignmentRuleState,
  type AssignmentRuleState,
} from '../rule/assignment-rule.state.js';
import {
  AssignmentRuleViolation,
  type AssignmentRuleViolationKind,
} from '../rule/assignment-rule-violation.js';
import { RULE_DEFAULTS, newRuleValues } from '../rule/rule-values.js';
import { teamSupportRotationRule } from '../rule/team-rules.js';

/** Shared givens for the assignment unit specs. 2026-11-23 is a Monday. */
export const now = new Date('2026-11-23T09:00:00.000Z');
export const NOW = now.toISOString();
export const MANAGER = 'manager@example.com';
export const ANNA = 'anna@example.com';
export const BEN = 'ben@example.com';
export const CLEO = 'cleo@example.com';

export const byManager: AssignmentRuleContext = { actor: MANAGER, now };
export const bySystem: AssignmentRuleContext = { actor: 'Administrator', now, system: true };

export function given(events: AssignmentRuleEvent[]): AssignmentRuleState {
  return events.reduce(evolveAssignmentRule, initialAssignmentRuleState);
}

export function created(name: string, values: Partial<AssignmentRuleValues>): AssignmentRuleEvent {
  return {
    type: 'AssignmentRuleCreated',
    data: { name, at: NOW, by: MANAGER, values: { ...RULE_DEFAULTS, ...values } },
  };
}

/** A rule document as stored, from the defaults. */
export function rule(
  name: string,
  values: Partial<AssignmentRuleDocument> = {},
): AssignmentRuleDocument {
  return { ...RULE_DEFAULTS, name, ...values };
}

/** A team's rule as Helpdesk creates it. */
export function teamRule(
  team: string,
  users: string[],
  values: Partial<AssignmentRuleDocument> = {},
): AssignmentRuleDocument {
  const { name, values: input } = teamSupportRotationRule(
    { team_name: team, users, disabled: false },
    [],
  );
  return { name, ...newRuleValues(input), ...values };
}

export function assertViolation(
  run: () => unknown,
  kind: AssignmentRuleViolationKind,
  message?: string | RegExp,
): void {
  assert.throws(run, (error: unknown) => {
    assert.ok(error instanceof AssignmentRuleViolation, `not a violation: ${String(error)}`);
    assert.equal(error.kind, kind, error.message);
    if (typeof message === 'string') assert.equal(error.message, message);
    else if (message) assert.match(error.message, message);
    return true;
  });
}
