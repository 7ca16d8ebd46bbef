export * from './metrics.subjects.js';
