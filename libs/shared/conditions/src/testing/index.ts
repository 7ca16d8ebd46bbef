/** Helpers for specs that use conditions: a saved ticket's fields and a refusal assertion. */
export * from './ticket-fields.fixtures.js';
export * from './condition.assertions.js';
