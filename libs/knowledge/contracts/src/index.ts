export * from './knowledge.subjects.js';
