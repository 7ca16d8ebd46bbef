export * from './assignment.subjects.js';
export * from './assignment-rule-events.v1.js';
export * from './assignment-rule.dto.js';
