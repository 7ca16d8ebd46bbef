import { textNamedMeta } from '@helpdesk/shared-frappe-query';

/**
 * List and filter metadata of Assignment Rule over `assignment.assignment_rule`. Conditions are
 * Frappe Code fields, queried as text. The child tables (`users`, `weighted_users`,
 * `assignment_days`) and the pointer (`last_user`, `current_index`, kept in
 * `assignment.rule_pointer`) are not list fields: they come with the whole document.
 */
export const ASSIGNMENT_RULE_META = textNamedMeta(
  'Assignment Rule',
  'assignment.assignment_rule',
  'modified desc',
  [
    { fieldname: 'document_type', fieldtype: 'Link', options: 'DocType' },
    { fieldname: 'due_date_based_on', fieldtype: 'Select' },
    { fieldname: 'priority', fieldtype: 'Int' },
    { fieldname: 'disabled', fieldtype: 'Check' },
    { fieldname: 'description', fieldtype: 'Small Text' },
    { fieldname: 'assign_condition', fieldtype: 'Long Text' },
    { fieldname: 'unassign_condition', fieldtype: 'Long Text' },
    { fieldname: 'close_condition', fieldtype: 'Long Text' },
    { fieldname: 'assign_condition_json', fieldtype: 'Long Text' },
    { fieldname: 'unassign_condition_json', fieldtype: 'Long Text' },
    { fieldname: 'rule', fieldtype: 'Select' },
    { fieldname: 'field', fieldtype: 'Select' },
  ],
);
