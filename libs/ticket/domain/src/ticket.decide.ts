import type { OpenTicket, TicketCommand } from './ticket.commands.js';
import type { TicketEvent, TicketOpened } from './ticket.events.js';
import { TicketRuleViolation } from './ticket-rule-violation.js';
import type { TicketState } from './ticket.state.js';

export function decide(command: TicketCommand, state: TicketState): TicketEvent[] {
  switch (command.type) {
    case 'OpenTicket':
      return [open(command, state)];
    default:
      return exhaustive(command.type);
  }
}

/**
 * Frappe's insert pipeline: type from the request or the settings; raised_by defaults to the
 * caller; a new ticket's status is always the default status, whatever the caller sent.
 */
function open(command: OpenTicket, state: TicketState): TicketOpened {
  if (state.kind !== 'none') {
    throw new TicketRuleViolation(
      'already-exists',
      `HD Ticket ${command.data.name} already exists`,
    );
  }
  const { data, context } = command;
  const subject = data.subject?.trim() ?? '';
  if (subject === '')
    throw new TicketRuleViolation('mandatory', 'subject is required', ['subject']);
  return {
    type: 'TicketOpened',
    data: {
      name: data.name,
      subject,
      description: data.description ?? null,
      raisedBy: nonEmpty(data.raisedBy) ?? context.actor,
      status: context.defaults.status,
      statusCategory: context.defaults.statusCategory,
      priority: nonEmpty(data.priority) ?? context.defaults.priority,
      ticketType: nonEmpty(data.ticketType) ?? context.defaults.ticketType,
      viaCustomerPortal: data.viaCustomerPortal ?? false,
      key: context.key,
      openedBy: context.actor,
      openedAt: context.now.toISOString(),
    },
  };
}

function nonEmpty(value: string | null | undefined): string | null {
  return value === undefined || value === null || value.trim() === '' ? null : value;
}

function exhaustive(type: never): never {
  throw new Error(`unknown ticket command ${String(type)}`);
}
