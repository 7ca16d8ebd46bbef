import type { TicketEvent } from './ticket.events.js';
import type { TicketState } from './ticket.state.js';

export function evolve(state: TicketState, event: TicketEvent): TicketState {
  switch (event.type) {
    case 'TicketOpened': {
      const d = event.data;
      return {
        kind: 'open',
        name: d.name,
        subject: d.subject,
        status: d.status,
        statusCategory: d.statusCategory,
        priority: d.priority,
        ticketType: d.ticketType,
        raisedBy: d.raisedBy,
      };
    }
    default:
      return exhaustive(event.type, state);
  }
}

function exhaustive(_: never, state: TicketState): TicketState {
  return state;
}
