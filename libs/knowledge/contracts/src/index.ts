export * from './knowledge.subjects.js';
export * from './knowledge-documents.dto.js';
export * from './knowledge-events.v1.js';
