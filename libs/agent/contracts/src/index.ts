export * from './agent.subjects.js';
export * from './authenticate-api-key.dto.js';
