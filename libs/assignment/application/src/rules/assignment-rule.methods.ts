import { FrappeError } from '@helpdesk/shared-frappe-api';
import type { MethodHandler, MethodRegistry, RequestContext } from '@helpdesk/shared-messaging';
import { canReadAssignmentRules } from './assignment-rule-access.js';
import type { AssignmentRuleDocuments } from './assignment-rule-documents.port.js';

/** The whitelisted methods over Assignment Rules that assignment-rule-service answers. */
export function assignmentRuleMethods(documents: AssignmentRuleDocuments): MethodRegistry {
  const rulesList: MethodHandler = async (_params, context: RequestContext) => {
    if (!canReadAssignmentRules(context)) {
      throw FrappeError.permission('You do not have permission to access Assignment Rules');
    }
    return { message: await documents.summaries() };
  };
  return new Map([['helpdesk.api.assignment_rule.get_assignment_rules_list', rulesList]]);
}
