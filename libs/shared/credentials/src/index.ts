export * from './secret-hash.js';
