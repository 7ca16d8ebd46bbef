import { TICKET_DOCTYPE, type AssignmentRuleDocument } from '../rule/assignment-rule.document.js';
import type { Weekday } from '../weekdays.js';

/**
 * The rules a pass tries, in order: enabled HD Ticket rules whose `assignment_days` are empty or
 * include today; highest `priority` first. Frappe leaves equal priorities in database order; here
 * they go by name, in code-unit order, so every replica decides alike.
 */
export function rulesInOrder(
  rules: readonly AssignmentRuleDocument[],
  today: Weekday,
): AssignmentRuleDocument[] {
  return rules
    .filter((rule) => !rule.disabled && rule.document_type === TICKET_DOCTYPE)
    .filter(
      (rule) =>
        rule.assignment_days.length === 0 || rule.assignment_days.some(({ day }) => day === today),
    )
    .sort((a, b) => b.priority - a.priority || byName(a.name, b.name));
}

function byName(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
