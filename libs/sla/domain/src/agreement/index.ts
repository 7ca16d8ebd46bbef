export * from './service-level-agreement.document.js';
export * from './service-level-agreement.commands.js';
export * from './service-level-agreement.events.js';
export * from './service-level-agreement.state.js';
export * from './service-level-agreement.decide.js';
export { SlaDocumentViolation, type SlaExcType } from './sla-document-violation.js';
export type { SlaDocumentEventMeta } from './document-fields.js';
export { agreementCondition, SLA_CONDITION_OPTIONS } from './agreement-condition.js';
export { seededDefaultSla, SEEDED_TICKET_PRIORITIES } from './seeded-default-sla.js';
