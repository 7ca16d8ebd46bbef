import {
  ConditionSyntaxError,
  parseConditionExpression,
  parseConditionJson,
  type Condition,
  type ConditionOptions,
} from '@helpdesk/shared-conditions';
import type { ServiceLevelAgreementDocument } from './service-level-agreement.document.js';
import { SlaDocumentViolation } from './sla-document-violation.js';

/** SLA conditions read the ticket as `doc`, as Frappe evaluates them with `{"doc": ticket}`. */
export const SLA_CONDITION_OPTIONS: ConditionOptions = { document: 'doc' };

type ConditionFields = Pick<ServiceLevelAgreementDocument, 'condition' | 'condition_json'>;

/**
 * The condition a ticket is tested against: `condition_json` when it holds one (the editor's
 * form, in Frappe's filter syntax), else `condition`; null when neither does. Throws
 * `ConditionSyntaxError` for text outside the grammar.
 */
export function agreementCondition(agreement: ConditionFields): Condition | null {
  const json = nonBlank(agreement.condition_json);
  const fromJson = json === null ? null : parseConditionJson(json, SLA_CONDITION_OPTIONS);
  if (fromJson) return fromJson;
  const expression = nonBlank(agreement.condition);
  return expression === null ? null : parseConditionExpression(expression, SLA_CONDITION_OPTIONS);
}

/**
 * On save, both forms must parse: Frappe's "The assignment condition '…' is invalid: …" names
 * the text refused. Nothing is evaluated here or anywhere: conditions are never run as code.
 */
export function checkAgreementConditions(agreement: ConditionFields): void {
  const forms = [
    ['condition', agreement.condition, parseConditionExpression],
    ['condition_json', agreement.condition_json, parseConditionJson],
  ] as const;
  for (const [field, text, parse] of forms) {
    const source = nonBlank(text);
    if (source === null) continue;
    try {
      parse(source, SLA_CONDITION_OPTIONS);
    } catch (error) {
      if (!(error instanceof ConditionSyntaxError)) throw error;
      throw SlaDocumentViolation.invalid(
        `The assignment condition '${source}' is invalid: ${error.message}`,
        [field],
      );
    }
  }
}

function nonBlank(text: string | null): string | null {
  return text === null || text.trim() === '' ? null : text;
}
