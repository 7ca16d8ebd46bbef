export * from './ticket.migrations.js';
export * from './postgres-ticket-read-model.js';
export * from './ticket-integration-events.js';
export * from './rebuild-ticket-read-model.js';
export * from './ticket-messages.controller.js';
export * from './ticket-service.module.js';
