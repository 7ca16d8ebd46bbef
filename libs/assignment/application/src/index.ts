/** Assignment Rules as commands, and the rule pass run on each published ticket save. */
export * from './rules/assignment-rule-commands.js';
export * from './rules/assignment-rule-errors.js';
export * from './rules/assignment-rule-streams.js';
export * from './pass/ticket-copy.js';
export * from './pass/rule-pass.js';
export * from './pass/rule-pass.port.js';
export * from './pass/ticket-copies.port.js';
export * from './pass/apply-ticket-event.js';
export * from './rules/assignment-rule-access.js';
export * from './rules/assignment-rule-documents.port.js';
export * from './rules/assignment-rule.resource.js';
export * from './rules/assignment-rule.methods.js';
