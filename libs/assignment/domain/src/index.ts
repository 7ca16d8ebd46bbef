/**
 * Automatic ticket assignment, as pure functions: Assignment Rules (decide/evolve), their
 * conditions (parsed and evaluated, never `eval`ed), the rule pass run on every ticket save,
 * user picking with Helpdesk's availability override, and the team-change check.
 */

/** Assignment Rule: the document, its commands and events, `decideAssignmentRule`, `evolveAssignmentRule`. */
export * from './rule/assignment-rule.document.js';
export * from './rule/assignment-rule.commands.js';
export * from './rule/assignment-rule.events.js';
export * from './rule/assignment-rule.state.js';
export * from './rule/assignment-rule.decide.js';
export * from './rule/assignment-rule-violation.js';
export { RULE_DEFAULTS } from './rule/rule-values.js';

/** The rules Helpdesk creates: one per team ("<team> - Support Rotation") and "Support Rotation". */
export * from './rule/team-rules.js';

/** Conditions: `status == 'Open' and agent_group == 'Billing'` or its JSON list form. */
export type {
  Condition,
  ConditionNode,
  ConditionValue,
  ConditionOutcome,
  TicketFields,
} from '@helpdesk/shared-conditions';
export {
  ConditionSyntaxError,
  evaluateCondition,
  parseConditionExpression,
  parseConditionJson,
} from '@helpdesk/shared-conditions';
export * from './rule/rule-conditions.js';

/** Picking the user: Round Robin, Load Balancing, Based on Field, Weighted Distribution. */
export * from './picking/availability.js';
export * from './picking/pick-user.js';
export { roundRobinUser } from './picking/round-robin.js';
export { leastLoadedUser } from './picking/load-balancing.js';
export { userFromField } from './picking/based-on-field.js';
export * from './picking/weighted-distribution.js';

/** The rule pass after every insert and save of a ticket: `planAssignment`. */
export * from './planning/assignment-plan.js';
export * from './planning/plan-assignment.js';
export { rulesInOrder } from './planning/rule-order.js';
export { renderRuleDescription } from './planning/rule-description.js';

/** A ticket moved to another team: `teamChangeClearsAssignments`. */
export * from './team-change.js';

/** `assignment_days` and today's weekday in the site's zone: `weekdayIn`. */
export * from './weekdays.js';
