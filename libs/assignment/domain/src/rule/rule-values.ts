import { WEEKDAYS, isWeekday } from '../weekdays.js';
import type { AssignmentRuleInput } from './assignment-rule.commands.js';
import {
  ASSIGNMENT_RULE_KINDS,
  DEFAULT_RULE_DESCRIPTION,
  TICKET_DOCTYPE,
  type AssignmentRuleKind,
  type AssignmentRuleValues,
  type EditableRuleField,
} from './assignment-rule.document.js';
import { AssignmentRuleViolation } from './assignment-rule-violation.js';

/** What a new rule holds for the fields a client leaves out or sends as null. */
export const RULE_DEFAULTS: AssignmentRuleValues = {
  document_type: TICKET_DOCTYPE,
  description: DEFAULT_RULE_DESCRIPTION,
  priority: 0,
  disabled: 0,
  rule: 'Round Robin',
  field: null,
  due_date_based_on: null,
  users: [],
  weighted_users: [],
  assignment_days: [],
  assign_condition: null,
  unassign_condition: null,
  close_condition: null,
  assign_condition_json: null,
  unassign_condition_json: null,
  last_user: null,
  current_index: 0,
};

const FIELD_NAME = /^[a-z_][a-z0-9_]*$/i;
const CONDITION_FIELDS = [
  'assign_condition',
  'unassign_condition',
  'close_condition',
  'assign_condition_json',
  'unassign_condition_json',
] as const;

type EditableValues = Partial<Pick<AssignmentRuleValues, EditableRuleField>>;

/**
 * The fields given, in the document's types. Unknown fields are dropped; a null is kept as the
 * field's empty value (for an update) and selects, days and weights are checked here.
 */
export function normaliseRuleInput(input: AssignmentRuleInput): EditableValues {
  const values: EditableValues = {};
  const given = <K extends keyof AssignmentRuleInput>(field: K) => input[field] !== undefined;
  if (given('document_type')) values.document_type = (input.document_type ?? '').trim();
  if (given('description')) values.description = input.description ?? '';
  if (given('priority')) values.priority = priorityOf(input.priority ?? 0);
  if (given('disabled')) values.disabled = input.disabled ? 1 : 0;
  if (given('rule')) values.rule = kindOf(input.rule ?? '');
  if (given('field')) values.field = fieldNameOf(input.field, 'Field');
  if (given('due_date_based_on')) {
    values.due_date_based_on = fieldNameOf(input.due_date_based_on, 'Due Date Based On');
  }
  if (given('users')) values.users = (input.users ?? []).map((row) => ({ user: userOf(row.user) }));
  if (given('weighted_users')) values.weighted_users = weightedUsersOf(input.weighted_users ?? []);
  if (given('assignment_days')) values.assignment_days = daysOf(input.assignment_days ?? []);
  for (const field of CONDITION_FIELDS) {
    if (given(field)) values[field] = blankToNull(input[field]);
  }
  return values;
}

/** A new rule: Frappe fills in defaults for whatever is missing or null. */
export function newRuleValues(input: AssignmentRuleInput): AssignmentRuleValues {
  const present = Object.fromEntries(
    Object.entries(input).filter(([, value]) => value !== null && value !== undefined),
  ) as AssignmentRuleInput;
  return { ...RULE_DEFAULTS, ...normaliseRuleInput(present) };
}

function priorityOf(priority: number): number {
  if (!Number.isInteger(priority)) {
    throw new AssignmentRuleViolation('invalid', 'Priority must be a whole number', ['priority']);
  }
  return priority;
}

function kindOf(rule: string): AssignmentRuleKind {
  const kind = ASSIGNMENT_RULE_KINDS.find((option) => option === rule);
  if (kind) return kind;
  throw new AssignmentRuleViolation(
    'invalid',
    `Rule cannot be "${rule}". It should be one of ${quotedList(ASSIGNMENT_RULE_KINDS)}`,
    ['rule'],
  );
}

function fieldNameOf(value: string | null | undefined, label: string): string | null {
  const field = blankToNull(value)?.trim() ?? null;
  if (field === null || (FIELD_NAME.test(field) && !field.includes('__'))) return field;
  throw new AssignmentRuleViolation('invalid', `${label} "${field}" is not a field name`);
}

function userOf(user: string): string {
  const trimmed = (user ?? '').trim();
  if (trimmed === '') {
    throw new AssignmentRuleViolation(
      'mandatory',
      'Error: Value missing for Assignment Rule User: User',
      ['users'],
    );
  }
  return trimmed;
}

function weightedUsersOf(rows: NonNullable<AssignmentRuleInput['weighted_users']>) {
  return rows.map((row, index) => {
    const weight = row.weight ?? 1;
    if (!Number.isInteger(weight) || weight < 1) {
      throw new AssignmentRuleViolation(
        'invalid',
        `Row #${index + 1}: Weight must be a whole number of at least 1`,
        ['weighted_users'],
      );
    }
    return { user: userOf(row.user), weight };
  });
}

function daysOf(rows: NonNullable<AssignmentRuleInput['assignment_days']>) {
  return rows.map(({ day }, index) => {
    if (isWeekday(day)) return { day };
    throw new AssignmentRuleViolation(
      'invalid',
      `Row #${index + 1}: Day cannot be "${day}". It should be one of ${quotedList(WEEKDAYS)}`,
      ['assignment_days'],
    );
  });
}

function blankToNull(value: string | null | undefined): string | null {
  return value === null || value === undefined || value.trim() === '' ? null : value;
}

function quotedList(options: readonly string[]): string {
  return options.map((option) => `"${option}"`).join(', ');
}
