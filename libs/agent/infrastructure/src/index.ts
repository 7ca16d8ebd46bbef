export * from './agent.migrations.js';
export * from './user-credentials.js';
export * from './agent-messages.controller.js';
export * from './agent-service.module.js';
export * from './people/people-integration-events.js';
export * from './people/people-projection.js';
export * from './people/postgres-people-documents.js';
