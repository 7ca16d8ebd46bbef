export * from './metrics.migrations.js';
export * from './metrics-worker.options.js';
export * from './metrics-worker.module.js';
export { CONVERSATION_QUEUE } from './conversation-jobs.js';
export { TICKET_METRICS_DURABLE, SLA_CALENDARS_DURABLE } from './metrics-intakes.js';
