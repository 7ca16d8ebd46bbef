export * from './rooms.js';
export * from './viewer.js';
export * from './ticket-readers.js';
export * from './emission.js';
export * from './ticket-emissions.js';
export * from './reader-changes.js';
export * from './access-changes.js';
