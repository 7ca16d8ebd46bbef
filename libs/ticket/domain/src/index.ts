export * from './ticket.events.js';
export * from './ticket.commands.js';
export * from './ticket.state.js';
export * from './ticket.evolve.js';
export * from './ticket.decide.js';
export * from './ticket-rule-violation.js';
