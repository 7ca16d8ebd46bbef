export * from './sla.subjects.js';
export * from './sla-events.v1.js';
export * from './sla-documents.dto.js';
