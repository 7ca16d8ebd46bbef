import { stamp } from '../command-context.js';
import { PeopleRuleViolation } from '../agent-rule-violation.js';
import { isAgentActor, isAgentManager } from '../roles.js';
import { defaultAvailability, enabledStatus } from '../hd-agent-status/agent-status.js';
import type { AgentCommand, AgentContext, EditAgent, EnrolAgent } from './agent.commands.js';
import type { AgentEvent } from './agent.events.js';
import type { AgentRecord, AgentState } from './agent.state.js';

export function decideAgent(command: AgentCommand, state: AgentState): AgentEvent[] {
  switch (command.type) {
    case 'EnrolAgent':
      return enrol(command, state);
    case 'EditAgent':
      return edit(command, existing(state));
    case 'RemoveAgent': {
      existing(state);
      if (!isAgentManager(command.context))
        throw new PeopleRuleViolation('permission', 'Insufficient Permission for HD Agent');
      return [{ type: 'AgentRemoved', data: stamp(command.context) }];
    }
  }
}

function existing(state: AgentState): AgentRecord {
  if (state.kind === 'absent') throw new PeopleRuleViolation('not-found', 'HD Agent not found');
  return state.agent;
}

function availabilityChange(name: string, context: AgentContext): AgentEvent {
  const status = enabledStatus(context.statuses, name);
  if (!status) throw new PeopleRuleViolation('invalid', 'Invalid availability');
  return {
    type: 'AgentAvailabilityChanged',
    data: { ...stamp(context), availability: status.agent_status, category: status.category },
  };
}

function enrol(command: EnrolAgent, state: AgentState): AgentEvent[] {
  const { context } = command;
  if (!isAgentActor(context))
    throw new PeopleRuleViolation('permission', 'Insufficient Permission for HD Agent');
  if (command.user.trim() === '')
    throw new PeopleRuleViolation('mandatory', 'Error: Value missing for HD Agent: user');
  if (command.userFullName === undefined)
    throw new PeopleRuleViolation('link', `Could not find User: ${command.user}`);
  if (state.kind === 'present')
    throw new PeopleRuleViolation('duplicate', `HD Agent ${command.user} already exists`);
  const agentName = command.agent_name?.trim() || command.userFullName;
  if (!agentName)
    throw new PeopleRuleViolation('mandatory', 'Error: Value missing for HD Agent: agent_name');
  const availability = command.availability
    ? (enabledStatus(context.statuses, command.availability)?.agent_status ?? invalidAvailability())
    : defaultAvailability(context.statuses);
  return [
    {
      type: 'AgentEnrolled',
      data: {
        ...stamp(context),
        user: command.user,
        agent_name: agentName,
        user_image: command.user_image ?? null,
        is_active: command.is_active ?? true,
        availability,
      },
    },
  ];
}

function invalidAvailability(): never {
  throw new PeopleRuleViolation('invalid', 'Invalid availability');
}

function edit({ changes, context }: EditAgent, agent: AgentRecord): AgentEvent[] {
  if (context.actor !== agent.user && !isAgentManager(context))
    throw new PeopleRuleViolation('permission', 'Insufficient Permission for HD Agent');
  const events: AgentEvent[] = [];
  const profile: { agent_name?: string; user_image?: string | null } = {};
  if (changes.agent_name !== undefined) {
    const name = changes.agent_name.trim();
    if (name === '')
      throw new PeopleRuleViolation('mandatory', 'Error: Value missing for HD Agent: agent_name');
    if (name !== agent.agent_name) profile.agent_name = name;
  }
  if (changes.user_image !== undefined && changes.user_image !== agent.user_image)
    profile.user_image = changes.user_image;
  if (Object.keys(profile).length > 0)
    events.push({ type: 'AgentProfileEdited', data: { ...stamp(context), changes: profile } });
  if (changes.is_active !== undefined && changes.is_active !== agent.is_active) {
    if (!isAgentManager(context))
      throw new PeopleRuleViolation('permission', 'Only an Agent Manager can (de)activate agents');
    events.push({
      type: changes.is_active ? 'AgentActivated' : 'AgentDeactivated',
      data: stamp(context),
    });
  }
  if (changes.availability !== undefined && changes.availability !== agent.availability)
    events.push(availabilityChange(changes.availability, context));
  return events;
}
