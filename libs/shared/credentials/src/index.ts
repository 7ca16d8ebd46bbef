export * from './secret-hash.js';
export * from './authorization-header.js';
export * from './login-sessions.js';
export * from './verified-cache.js';
