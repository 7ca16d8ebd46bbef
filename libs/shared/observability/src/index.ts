export * from './correlation.js';
export * from './json-logger.js';
export * from './health.js';
export * from './observability.module.js';
export * from './graceful-shutdown.js';
