export * from './sla.migrations.js';
export * from './sla-service.options.js';
export * from './sla-service.module.js';
