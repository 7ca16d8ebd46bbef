export * from './agent.subjects.js';
export * from './authenticate-api-key.dto.js';
export * from './people.dto.js';
export * from './people-events.v1.js';
export * from './team-assignment-rule.dto.js';
export * from './directory.dto.js';
export * from './agent-status.dto.js';
export * from './field-layout.dto.js';
