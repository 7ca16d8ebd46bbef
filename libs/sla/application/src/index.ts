export * from './policies/sla-policies.port.js';
export * from './reckoning/sla-facts.js';
export * from './reckoning/reckon.js';
export * from './reckoning/ticket-clocks.port.js';
export * from './reckoning/ticket-sla-clock.js';
