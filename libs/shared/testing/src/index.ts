export * from './wait-for.js';
export * from './test-database.js';
export * from './test-namespace.js';
export * from './app-process.js';
export * from './repo-root.js';
export * from './nats-cleanup.js';
export * from './test-config.js';
