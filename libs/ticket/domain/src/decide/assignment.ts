import type { AgentAssigned, AgentUnassigned } from '../events/assignment.events.js';
import type { ApplyAssignmentRule, AssignAgent, UnassignAgents } from '../ticket.commands.js';
import type { ActorContext } from '../ticket.context.js';
import { TicketRuleViolation } from '../ticket-rule-violation.js';
import type { TicketState } from '../ticket.state.js';
import { eventMeta, existingTicket, forbidden } from './guards.js';

/** Adds the agent to `_assign`; someone already assigned stays where they are, with no event. */
export function assignAgent(command: AssignAgent, state: TicketState): AgentAssigned[] {
  const { data, context } = command;
  const ticket = existingTicket(state, data.name);
  assertAgent(context);
  const agent = data.agent.trim();
  if (agent === '') throw new TicketRuleViolation('mandatory', 'agent is required', ['agent']);
  if (ticket.assignees.includes(agent)) return [];
  const assignees = [...ticket.assignees, agent];
  return [{ type: 'AgentAssigned', data: { ...eventMeta(ticket, context), agent, assignees } }];
}

/** One event per assigned user removed; users not assigned are skipped. */
export function unassignAgents(command: UnassignAgents, state: TicketState): AgentUnassigned[] {
  const { data, context } = command;
  const ticket = existingTicket(state, data.name);
  assertAgent(context);
  const meta = eventMeta(ticket, context);
  const events: AgentUnassigned[] = [];
  let assignees = [...ticket.assignees];
  for (const agent of data.agents) {
    if (!assignees.includes(agent)) continue;
    assignees = assignees.filter((assignee) => assignee !== agent);
    events.push({ type: 'AgentUnassigned', data: { ...meta, agent, assignees } });
  }
  return events;
}

/**
 * A rule's decision, as one change: each cancelled assignee goes, then the picked user comes. A
 * decision taken from assignees that have changed since, or for a ticket that is gone, is void:
 * no events, and the rule service learns of the change from the ticket's own events.
 */
export function applyAssignmentRule(
  command: ApplyAssignmentRule,
  state: TicketState,
): (AgentAssigned | AgentUnassigned)[] {
  const { data, context } = command;
  if (state.kind !== 'existing' || !sameList(state.assignees, data.expectedAssignees)) return [];
  const meta = eventMeta(state, context);
  const { rule } = data;
  const events: (AgentAssigned | AgentUnassigned)[] = [];
  let assignees = [...state.assignees];
  for (const agent of data.cancel) {
    if (!assignees.includes(agent)) continue;
    assignees = assignees.filter((assignee) => assignee !== agent);
    events.push({ type: 'AgentUnassigned', data: { ...meta, agent, assignees, rule } });
  }
  const agent = data.assign?.trim();
  if (agent && !assignees.includes(agent)) {
    assignees = [...assignees, agent];
    events.push({ type: 'AgentAssigned', data: { ...meta, agent, assignees, rule } });
  }
  return events;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, index) => value === b[index]);
}

/** `@agent_only`, as `HD Ticket.assign_agent` has it; customers do not manage assignments. */
function assertAgent(context: ActorContext): void {
  if (!context.actorIsAgent) throw forbidden('You are not permitted to access this resource.');
}
