/**
 * The values a condition works with: what a ticket's fields hold, in Python's terms. Numbers are
 * Python's int and float; booleans compare equal to 1 and 0, as Python's `bool` does.
 */
export type ConditionValue = string | number | boolean | null | readonly ConditionValue[];

export type ComparisonOperator =
  '==' | '!=' | '<' | '>' | '<=' | '>=' | 'in' | 'not in' | 'is' | 'is not';

/** A parsed condition. Both accepted forms, the expression and the JSON list, parse to this. */
export type ConditionNode =
  | { kind: 'field'; name: string }
  /**
   * `doc.<name>` when the condition names its document (`ConditionOptions.document`): read as
   * Frappe's `_dict` reads attributes, so a field the record lacks is `None`, not an error.
   */
  | { kind: 'document-field'; name: string }
  | { kind: 'literal'; value: ConditionValue }
  | { kind: 'list'; items: readonly ConditionNode[] }
  | { kind: 'sign'; operator: '-' | '+'; operand: ConditionNode }
  | { kind: 'not'; operand: ConditionNode }
  | { kind: 'and' | 'or'; operands: readonly ConditionNode[] }
  | {
      kind: 'compare';
      first: ConditionNode;
      /** Python chains comparisons: `a < b < c` is `a < b and b < c`, `b` read once. */
      rest: readonly { operator: ComparisonOperator; operand: ConditionNode }[];
    };

export interface Condition {
  form: 'expression' | 'json';
  /** The text the condition was parsed from. */
  source: string;
  root: ConditionNode;
}

export interface ConditionOptions {
  /**
   * The name the document goes by in the condition, as `doc` in SLA conditions
   * (`doc.priority in ['High', 'Urgent']`, evaluated by Frappe with `{"doc": ticket.as_dict()}`).
   * With it, the Python form reads fields only as `doc.<field>` and refuses bare names, and the
   * JSON form's fields are read the same way. Without it, fields are bare names (Assignment Rule).
   */
  document?: string;
}

/** Deeper nesting than this is refused, so a hostile condition cannot exhaust the stack. */
export const MAX_CONDITION_DEPTH = 64;
