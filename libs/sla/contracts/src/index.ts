export * from './sla.subjects.js';
export * from './sla-events.v1.js';
