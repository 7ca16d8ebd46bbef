export * from './metrics.migrations.js';
export * from './metrics-worker.options.js';
export * from './metrics-worker.module.js';
export { CONVERSATION_QUEUE } from './conversation-jobs.js';
export { TICKET_METRICS_DURABLE, SLA_CALENDARS_DURABLE } from './metrics-intakes.js';
export { DASHBOARD_DURABLE, DashboardIntake } from './dashboard/dashboard-intake.js';
export { DashboardProjection, type BatchOutcome } from './dashboard/dashboard-projection.js';
export { PostgresDashboardReads } from './dashboard/postgres-dashboard-reads.js';
export { PostgresStatsReads } from './dashboard/postgres-stats-reads.js';
