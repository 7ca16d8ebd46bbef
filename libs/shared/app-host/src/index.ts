export * from './start-host.js';
export * from './dependency-checks.js';
export * from './dependencies.module.js';
export * from './worker-host.module.js';
