export * from './agent.migrations.js';
export * from './api-key-users.js';
export * from './agent-messages.controller.js';
export * from './agent-service.module.js';
