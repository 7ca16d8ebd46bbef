import type { AssignmentRuleContext } from './assignment-rule.commands.js';
import { TICKET_DOCTYPE, type AssignmentRuleValues } from './assignment-rule.document.js';
import { AssignmentRuleViolation } from './assignment-rule-violation.js';
import { checkRuleConditions } from './rule-conditions.js';

/** The whole rule as it would be saved: Frappe's mandatory fields, then its `validate`. */
export function checkRuleDocument(
  rule: AssignmentRuleValues,
  context: AssignmentRuleContext,
): void {
  checkMandatory(rule, context);
  if (rule.document_type !== TICKET_DOCTYPE) {
    throw new AssignmentRuleViolation(
      'invalid',
      `Assignment Rule is not allowed on document type ${rule.document_type}`,
      ['document_type'],
    );
  }
  checkRepeatedDays(rule);
  checkRuleConditions(rule);
}

function checkMandatory(rule: AssignmentRuleValues, context: AssignmentRuleContext): void {
  const byPeople = !context.system;
  const missing: [boolean, string, string][] = [
    [rule.document_type === '', 'document_type', 'Document Type'],
    [rule.description.trim() === '', 'description', 'Description'],
    [!rule.assign_condition && !rule.assign_condition_json, 'assign_condition', 'Assign Condition'],
    [byPeople && rule.assignment_days.length === 0, 'assignment_days', 'Assignment Days'],
    [rule.rule === 'Based on Field' && !rule.field, 'field', 'Field'],
    [byPeople && picksFromUsers(rule) && rule.users.length === 0, 'users', 'Users'],
    [
      byPeople && rule.rule === 'Weighted Distribution' && rule.weighted_users.length === 0,
      'weighted_users',
      'Weighted Users',
    ],
  ];
  const first = missing.find(([isMissing]) => isMissing);
  if (first) {
    const [, field, label] = first;
    throw new AssignmentRuleViolation(
      'mandatory',
      `Error: Value missing for Assignment Rule: ${label}`,
      [field],
    );
  }
}

function picksFromUsers(rule: AssignmentRuleValues): boolean {
  return rule.rule === 'Round Robin' || rule.rule === 'Load Balancing';
}

function checkRepeatedDays(rule: AssignmentRuleValues): void {
  const days = rule.assignment_days.map(({ day }) => day);
  const repeated = days.filter((day, index) => days.indexOf(day) !== index);
  const unique = [...new Set(repeated)];
  if (unique.length === 0) return;
  throw new AssignmentRuleViolation(
    'invalid',
    `The following Assignment Days have been repeated: ${commaAnd(unique)}`,
    ['assignment_days'],
  );
}

/** Frappe's `comma_and`: "A", "A and B", "A, B and C". */
function commaAnd(items: readonly string[]): string {
  if (items.length < 2) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
