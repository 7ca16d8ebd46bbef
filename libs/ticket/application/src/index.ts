export * from './ticket-read-model.port.js';
export * from './request-context.js';
export * from './open-ticket.handler.js';
export * from './get-ticket.handler.js';
export * from './ticket-errors.js';
