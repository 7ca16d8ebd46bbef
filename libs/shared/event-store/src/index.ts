export * from './sql.js';
export * from './recorded-event.js';
export * from './concurrency-error.js';
export * from './postgres-event-store.js';
export * from './checkpoints.js';
export * from './event-store.migration.js';
export * from './postgres-data-source.js';
export * from './handle-command.js';
