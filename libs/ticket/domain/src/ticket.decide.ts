import { applyAssignmentRule, assignAgent, unassignAgents } from './decide/assignment.js';
import { addComment, deleteComment, editComment, pinComment } from './decide/comments.js';
import { applySla } from './decide/apply-sla.js';
import { applyResponseMetrics } from './decide/apply-response-metrics.js';
import { deleteTicket } from './decide/delete-ticket.js';
import { markSeen } from './decide/mark-seen.js';
import { toggleReaction } from './decide/toggle-reaction.js';
import { openTicket } from './decide/open-ticket.js';
import { replyAsAgent } from './decide/reply-as-agent.js';
import { replyAsCustomer } from './decide/reply-as-customer.js';
import { updateTicket } from './decide/update-ticket.js';
import type { TicketCommand } from './ticket.commands.js';
import type { TicketEvent } from './ticket.events.js';
import type { TicketState } from './ticket.state.js';

/** The ticket's rules: the events a command produces, or a `TicketRuleViolation`. */
export function decide(command: TicketCommand, state: TicketState): TicketEvent[] {
  switch (command.type) {
    case 'OpenTicket':
      return [openTicket(command, state)];
    case 'UpdateTicket':
      return updateTicket(command, state);
    case 'ReplyAsAgent':
      return replyAsAgent(command, state);
    case 'ReplyAsCustomer':
      return replyAsCustomer(command, state);
    case 'AddComment':
      return [addComment(command, state)];
    case 'EditComment':
      return [editComment(command, state)];
    case 'PinComment':
      return pinComment(command, state);
    case 'DeleteComment':
      return [deleteComment(command, state)];
    case 'AssignAgent':
      return assignAgent(command, state);
    case 'UnassignAgents':
      return unassignAgents(command, state);
    case 'ApplyAssignmentRule':
      return applyAssignmentRule(command, state);
    case 'ApplySla':
      return applySla(command, state);
    case 'ApplyResponseMetrics':
      return applyResponseMetrics(command, state);
    case 'ToggleReaction':
      return toggleReaction(command, state);
    case 'MarkSeen':
      return markSeen(command, state);
    case 'DeleteTicket':
      return [deleteTicket(command, state)];
    default:
      return exhaustive(command);
  }
}

function exhaustive(command: never): never {
  throw new Error(`unknown ticket command ${JSON.stringify(command)}`);
}
