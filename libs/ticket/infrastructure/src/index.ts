export * from './ticket.migrations.js';
export * from './postgres-ticket-read-model.js';
export * from './ticket-integration-events.js';
export * from './rebuild-ticket-read-model.js';
export * from './ticket-service.module.js';
export * from './catalogue/postgres-catalogue-read-model.js';
export * from './catalogue/catalogue-documents.js';
export * from './resource-messages.controller.js';
