export * from './percentage-change.js';
export * from './stats-periods.js';
export * from './stats-figures.js';
export * from './sla-violations.js';
export * from './agent-home-figures.js';
