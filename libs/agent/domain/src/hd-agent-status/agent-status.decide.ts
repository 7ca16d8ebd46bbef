import { stamp, type CommandContext } from '../command-context.js';
import { PeopleRuleViolation } from '../agent-rule-violation.js';
import { isAgentManager } from '../roles.js';
import {
  AGENT_STATUS_CATEGORIES,
  AGENT_STATUS_COLORS,
  type AgentStatus,
  type AgentStatusCategory,
} from './agent-status.js';
import type {
  AgentStatusCommand,
  AgentStatusContext,
  CreateAgentStatus,
  EditAgentStatus,
} from './agent-status.commands.js';
import type { AgentStatusChanged, AgentStatusEvent } from './agent-status.events.js';
import type { AgentStatusRecord, AgentStatusState } from './agent-status.state.js';

const DOCTYPE = 'HD Agent Status';
export const ACTIVE_STATUS_REQUIRED = 'At least one enabled Active status is required.';

/**
 * HD Agent Status (frappe-api §1.6): Agent Managers and above keep the catalogue; at least one
 * enabled status of category Active always remains, and a status an agent is in stays.
 */
export function decideAgentStatus(
  command: AgentStatusCommand,
  state: AgentStatusState,
): AgentStatusEvent[] {
  switch (command.type) {
    case 'CreateAgentStatus':
      return create(command, state);
    case 'EditAgentStatus':
      return edit(command, existing(state));
    case 'RemoveAgentStatus':
      return remove(command.context, existing(state));
  }
}

function existing(state: AgentStatusState): AgentStatusRecord {
  if (state.kind === 'absent') throw new PeopleRuleViolation('not-found', `${DOCTYPE} not found`);
  return state.status;
}

function checkManager(context: CommandContext): void {
  if (!isAgentManager(context))
    throw new PeopleRuleViolation('permission', `Insufficient Permission for ${DOCTYPE}`);
}

function oneOf(label: string, value: string, options: readonly string[]): never {
  const allowed = options.map((option) => `"${option}"`).join(', ');
  throw new PeopleRuleViolation(
    'invalid',
    `${label} cannot be "${value}". It should be one of ${allowed}`,
  );
}

function category(value: string | null | undefined): AgentStatusCategory {
  if (value === undefined || value === null || value.trim() === '')
    throw new PeopleRuleViolation('mandatory', `Error: Value missing for ${DOCTYPE}: category`);
  const found = AGENT_STATUS_CATEGORIES.find((option) => option === value);
  return found ?? oneOf('Category', value, AGENT_STATUS_CATEGORIES);
}

function color(value: string | null | undefined): string | null {
  if (value === undefined || value === null || value === '') return null;
  return (
    AGENT_STATUS_COLORS.find((option) => option === value) ??
    oneOf('Color', value, AGENT_STATUS_COLORS)
  );
}

function statusOrder(value: number | null | undefined): number {
  const order = value ?? 0;
  if (!Number.isSafeInteger(order))
    throw new PeopleRuleViolation('invalid', 'Status Order must be a whole number');
  return order;
}

/** Whether some enabled Active status other than `name` exists. */
function anotherEnabledActive(name: string, statuses: readonly AgentStatus[]): boolean {
  return statuses.some(
    (status) => status.agent_status !== name && status.category === 'Active' && status.enable,
  );
}

function create(command: CreateAgentStatus, state: AgentStatusState): AgentStatusEvent[] {
  checkManager(command.context);
  const name = command.agent_status.trim();
  if (name === '')
    throw new PeopleRuleViolation('mandatory', `Error: Value missing for ${DOCTYPE}: agent_status`);
  if (state.kind === 'present')
    throw new PeopleRuleViolation('duplicate', `${DOCTYPE} ${name} already exists`);
  const { fields } = command;
  return [
    {
      type: 'AgentStatusCreated',
      data: {
        ...stamp(command.context),
        agent_status: name,
        category: category(fields.category),
        color: color(fields.color),
        status_order: statusOrder(fields.status_order),
        enable: fields.enable ?? true,
      },
    },
  ];
}

function edit({ changes, context }: EditAgentStatus, status: AgentStatusRecord) {
  checkManager(context);
  const changed: AgentStatusChanged['data']['changes'] = {};
  if (changes.category !== undefined) {
    const next = category(changes.category);
    if (next !== status.category) changed.category = next;
  }
  if (changes.color !== undefined) {
    const next = color(changes.color);
    if (next !== status.color) changed.color = next;
  }
  if (changes.status_order !== undefined) {
    const next = statusOrder(changes.status_order);
    if (next !== status.status_order) changed.status_order = next;
  }
  if (changes.enable !== undefined && changes.enable !== status.enable)
    changed.enable = changes.enable;
  if (Object.keys(changed).length === 0) return [];
  const after = { ...status, ...changed };
  const keepsActive = after.category === 'Active' && after.enable;
  if (!keepsActive && !anotherEnabledActive(status.name, context.statuses))
    throw new PeopleRuleViolation('invalid', ACTIVE_STATUS_REQUIRED);
  const event: AgentStatusChanged = {
    type: 'AgentStatusChanged',
    data: { ...stamp(context), changes: changed },
  };
  return [event];
}

function remove(context: AgentStatusContext, status: AgentStatusRecord): AgentStatusEvent[] {
  checkManager(context);
  if (status.category === 'Active' && !anotherEnabledActive(status.name, context.statuses))
    throw new PeopleRuleViolation('invalid', ACTIVE_STATUS_REQUIRED);
  if (context.agentInStatus !== undefined)
    throw new PeopleRuleViolation(
      'link-exists',
      `Cannot delete or cancel because ${DOCTYPE} ${status.name} is linked with HD Agent ${context.agentInStatus}`,
    );
  return [{ type: 'AgentStatusRemoved', data: stamp(context) }];
}
