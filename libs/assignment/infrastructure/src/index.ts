export * from './assignment.migrations.js';
export * from './assignment-rule-service.module.js';
export * from './assignment-intakes.js';
