export * from './policies/sla-policies.port.js';
