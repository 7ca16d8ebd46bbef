import type { DeleteAssignmentRule } from '../assignment-rule.commands.js';
import { TICKET_DOCTYPE } from '../assignment-rule.document.js';
import type { AssignmentRuleDeleted } from '../assignment-rule.events.js';
import type { AssignmentRuleState } from '../assignment-rule.state.js';
import { AssignmentRuleViolation } from '../assignment-rule-violation.js';
import { eventMeta, existingRule } from './guards.js';

/** Helpdesk keeps at least one ticket rule; a team deleting its own rule is exempt, as upstream. */
export function deleteRule(
  { data, context }: DeleteAssignmentRule,
  state: AssignmentRuleState,
): AssignmentRuleDeleted {
  const rule = existingRule(state, data.name);
  const last = rule.document_type === TICKET_DOCTYPE && context.otherTicketRules < 1;
  if (last && !context.system) {
    throw new AssignmentRuleViolation(
      'invalid',
      'There should be at least 1 assignment rule for ticket',
    );
  }
  return { type: 'AssignmentRuleDeleted', data: eventMeta(rule.name, context) };
}
