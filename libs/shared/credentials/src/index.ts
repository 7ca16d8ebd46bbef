export * from './secret-hash.js';
export * from './authorization-header.js';
