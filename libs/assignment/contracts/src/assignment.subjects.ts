/** assignment-rule-service answers `assignment.resource.<op>` and `assignment.method` for these. */
export const ASSIGNMENT_SERVICE = 'assignment';
export const ASSIGNMENT_SERVICE_QUEUE = 'assignment-rule-service';

export const ASSIGNMENT_SERVICE_DOCTYPES = ['Assignment Rule'] as const;

/** Whitelisted methods assignment-rule-service answers on `assignment.method`. */
export const ASSIGNMENT_SERVICE_METHODS = [
  'helpdesk.api.assignment_rule.get_assignment_rules_list',
] as const;
