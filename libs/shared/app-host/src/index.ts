export * from './start-host.js';
export * from './dependency-checks.js';
