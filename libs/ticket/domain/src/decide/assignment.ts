import type { AgentAssigned, AgentUnassigned } from '../events/assignment.events.js';
import type { AssignAgent, UnassignAgents } from '../ticket.commands.js';
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

/** `@agent_only`, as `HD Ticket.assign_agent` has it; customers do not manage assignments. */
function assertAgent(context: ActorContext): void {
  if (!context.actorIsAgent) throw forbidden('You are not permitted to access this resource.');
}
