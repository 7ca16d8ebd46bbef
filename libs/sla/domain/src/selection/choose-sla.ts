import { ConditionSyntaxError, evaluateCondition } from '@helpdesk/shared-conditions';
import { agreementCondition } from '../agreement/agreement-condition.js';
import type { ServiceLevelAgreementDocument } from '../agreement/service-level-agreement.document.js';

/** What choosing reads of an SLA: its document fields and when it was created. */
export type SlaChoiceCandidate = Pick<
  ServiceLevelAgreementDocument,
  | 'name'
  | 'enabled'
  | 'default_sla'
  | 'priority'
  | 'start_date'
  | 'end_date'
  | 'condition'
  | 'condition_json'
> & {
  priorities: readonly { priority: string }[];
  /** ISO-8601 instant the SLA was created. */
  creation: string;
};

/**
 * The SLA a ticket gets (`get_sla`), on every save: among the enabled, non-default SLAs that
 * have a condition, are valid on `today` (`YYYY-MM-DD` in the site's zone; both ends of the
 * window included) and, when the ticket has a priority, list it, the first by `priority`
 * ascending, then oldest, then name, whose condition holds for the ticket; otherwise the
 * latest-created enabled default SLA; null when there is none. A condition that cannot be
 * parsed or evaluated does not hold.
 */
export function chooseSla(
  agreements: readonly SlaChoiceCandidate[],
  ticket: Readonly<Record<string, unknown>>,
  today: string,
): string | null {
  const priority = ticket['priority'];
  const conditional = agreements
    .filter((sla) => sla.enabled && !sla.default_sla && validOn(sla, today))
    .filter((sla) => !priority || sla.priorities.some((row) => row.priority === priority))
    .sort(inSelectionOrder);
  const matching = conditional.find((sla) => conditionHolds(sla, ticket));
  if (matching) return matching.name;
  const [fallback] = agreements
    .filter((sla) => sla.enabled && sla.default_sla)
    .sort((a, b) => compareCreation(b, a) || compareNames(a.name, b.name));
  return fallback?.name ?? null;
}

/** Dates `YYYY-MM-DD` order as strings; an open end is no limit. */
function validOn(sla: SlaChoiceCandidate, today: string): boolean {
  return (
    (sla.start_date === null || sla.start_date <= today) &&
    (sla.end_date === null || today <= sla.end_date)
  );
}

function conditionHolds(sla: SlaChoiceCandidate, ticket: Readonly<Record<string, unknown>>) {
  try {
    const condition = agreementCondition(sla);
    return condition !== null && evaluateCondition(condition, ticket).matched;
  } catch (error) {
    if (error instanceof ConditionSyntaxError) return false;
    throw error;
  }
}

/** Lowest `priority` first, then the oldest, then by name in UTF-16 code-unit order. */
function inSelectionOrder(a: SlaChoiceCandidate, b: SlaChoiceCandidate): number {
  return a.priority - b.priority || compareCreation(a, b) || compareNames(a.name, b.name);
}

function compareCreation(a: SlaChoiceCandidate, b: SlaChoiceCandidate): number {
  const difference = Date.parse(a.creation) - Date.parse(b.creation);
  return Number.isNaN(difference) ? compareNames(a.creation, b.creation) : difference;
}

function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
