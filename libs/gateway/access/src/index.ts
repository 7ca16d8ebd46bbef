export * from './rate-limit-policy.js';
export * from './rate-limits.js';
export * from './login-throttle.js';
export * from './too-many-requests.js';
