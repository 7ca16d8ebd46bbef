import { PeopleRuleViolation } from '../agent-rule-violation.js';
import { stamp } from '../command-context.js';
import { isAgentActor, isSystemManager } from '../roles.js';
import {
  checkedLayout,
  FIELD_LAYOUT_TYPES,
  mayReadFieldLayout,
  type FieldLayout,
  type FieldLayoutType,
} from './field-layout.js';
import type {
  CreateFieldLayout,
  EditFieldLayout,
  FieldLayoutCommand,
  FieldLayoutContext,
  FieldLayoutInput,
} from './field-layout.commands.js';
import type { FieldLayoutEvent, HdFieldLayoutChanged } from './field-layout.events.js';
import type { FieldLayoutRecord, FieldLayoutState } from './field-layout.state.js';

const DOCTYPE = 'HD Field Layout';
export const OWN_LAYOUT_ONLY = 'You can only save your own layout';
export const SYSTEM_LAYOUT_MANAGERS_ONLY = 'Only a System Manager can save a layout for everyone';

/**
 * HD Field Layout: an agent's home dashboard, one personal layout per user and type. System
 * Managers keep every layout; Agents and Agent Managers only their own.
 */
export function decideFieldLayout(
  command: FieldLayoutCommand,
  state: FieldLayoutState,
): FieldLayoutEvent[] {
  if (!isAgentActor(command.context))
    throw new PeopleRuleViolation('permission', `Insufficient Permission for ${DOCTYPE}`);
  switch (command.type) {
    case 'CreateFieldLayout':
      return create(command, state);
    case 'EditFieldLayout':
      return edit(command, mine(command.context, existing(state), 'change'));
    case 'RemoveFieldLayout':
      mine(command.context, existing(state), 'delete');
      return [{ type: 'HdFieldLayoutRemoved', data: stamp(command.context) }];
  }
}

/**
 * The personal (user, type) pair the layout would have after these values are saved over
 * `before`, if it would be a personal one: the pair the application holds before deciding.
 */
export function personalPairAfter(
  input: FieldLayoutInput,
  before?: FieldLayout,
): { user: string; type: string } | undefined {
  const system = input.apply_to_system ?? before?.apply_to_system ?? false;
  const user = input.user === undefined ? (before?.user ?? null) : text(input.user);
  const type =
    (input.type === undefined ? before?.type : text(input.type)) ?? FIELD_LAYOUT_TYPES[0];
  return system || user === null ? undefined : { user, type };
}

function existing(state: FieldLayoutState): FieldLayoutRecord {
  if (state.kind === 'absent') throw new PeopleRuleViolation('not-found', `${DOCTYPE} not found`);
  return state.layout;
}

/** Agents' writes reach only the layouts they may read, as Frappe's `if_owner` rows. */
function mine(context: FieldLayoutContext, layout: FieldLayoutRecord, what: string) {
  if (!mayReadFieldLayout(context, layout))
    throw new PeopleRuleViolation(
      'permission',
      `No permission to ${what} ${DOCTYPE} ${layout.name}`,
    );
  return layout;
}

function text(value: string | null | undefined): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

function layoutType(value: string | null | undefined): FieldLayoutType {
  if (value === undefined || value === null || value === '')
    throw new PeopleRuleViolation('mandatory', `Error: Value missing for ${DOCTYPE}: type`);
  const found = FIELD_LAYOUT_TYPES.find((option) => option === value);
  if (found) return found;
  const allowed = FIELD_LAYOUT_TYPES.map((option) => `"${option}"`).join(', ');
  throw new PeopleRuleViolation(
    'invalid',
    `Type cannot be "${value}". It should be one of ${allowed}`,
  );
}

function layoutText(value: string | null | undefined): string {
  if (value === undefined || value === null || value.trim() === '')
    throw new PeopleRuleViolation('mandatory', `Error: Value missing for ${DOCTYPE}: layout`);
  return checkedLayout(value);
}

/**
 * The rules every saved layout meets, whoever saves it: its mandatory fields, an agent's own
 * layout only, an existing user, and no second personal layout of the same user and type.
 */
function checkSaved(after: FieldLayout, context: FieldLayoutContext, userChanged: boolean) {
  if (after.apply_to_system && after.document_type === null)
    throw new PeopleRuleViolation(
      'mandatory',
      `Error: Value missing for ${DOCTYPE}: document_type`,
    );
  if (!after.apply_to_system && after.user === null)
    throw new PeopleRuleViolation('mandatory', `Error: Value missing for ${DOCTYPE}: user`);
  if (!isSystemManager(context)) {
    if (after.apply_to_system)
      throw new PeopleRuleViolation('permission', SYSTEM_LAYOUT_MANAGERS_ONLY);
    if (after.user !== context.actor) throw new PeopleRuleViolation('permission', OWN_LAYOUT_ONLY);
  }
  if (userChanged && after.user !== null && !context.isUser(after.user))
    throw new PeopleRuleViolation('link', `Could not find User: ${after.user}`);
  if (!after.apply_to_system && context.samePersonalLayout !== undefined)
    throw new PeopleRuleViolation(
      'duplicate',
      `${after.user} already has a ${after.type} layout: ${DOCTYPE} ${context.samePersonalLayout}`,
    );
}

function create(command: CreateFieldLayout, state: FieldLayoutState): FieldLayoutEvent[] {
  const { fields, context } = command;
  if (state.kind === 'present')
    throw new PeopleRuleViolation('duplicate', `${DOCTYPE} ${command.name} already exists`);
  const layout: FieldLayout = {
    document_type: text(fields.document_type),
    user: text(fields.user),
    type: layoutType(text(fields.type) ?? FIELD_LAYOUT_TYPES[0]),
    apply_to_system: fields.apply_to_system ?? false,
    layout: layoutText(fields.layout),
  };
  checkSaved(layout, context, true);
  return [
    { type: 'HdFieldLayoutCreated', data: { ...stamp(context), name: command.name, ...layout } },
  ];
}

function edit({ changes, context }: EditFieldLayout, layout: FieldLayoutRecord) {
  const changed: Partial<FieldLayout> = {};
  const next = (field: 'document_type' | 'user') => {
    if (changes[field] === undefined) return;
    const value = text(changes[field]);
    if (value !== layout[field]) changed[field] = value;
  };
  next('document_type');
  next('user');
  if (changes.type !== undefined) {
    const type = layoutType(changes.type);
    if (type !== layout.type) changed.type = type;
  }
  if (changes.apply_to_system !== undefined && changes.apply_to_system !== layout.apply_to_system)
    changed.apply_to_system = changes.apply_to_system;
  if (changes.layout !== undefined) {
    const value = layoutText(changes.layout);
    if (value !== layout.layout) changed.layout = value;
  }
  if (Object.keys(changed).length === 0) return [];
  const {
    name: _name,
    creation: _c,
    modified: _m,
    modified_by: _mb,
    owner: _o,
    ...before
  } = layout;
  checkSaved({ ...before, ...changed }, context, 'user' in changed);
  const event: HdFieldLayoutChanged = {
    type: 'HdFieldLayoutChanged',
    data: { ...stamp(context), changes: changed },
  };
  return [event];
}
