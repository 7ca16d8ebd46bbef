/**
 * Service level agreements, as pure functions: working-time arithmetic in an SLA's time zone,
 * the HD Service Level Agreement and HD Service Holiday List documents (decide/evolve), which
 * SLA a ticket gets, and the deadlines, hold time and agreement status of a ticket under it.
 */
export {};

// Working time in an SLA's time zone, which the SLA terms are written in.
export * from '@helpdesk/shared-working-time';

// The SLA fields of one ticket, folded from facts about it (ticket-sla/).
export * from './ticket-sla/index.js';

// HD Service Level Agreement and HD Service Holiday List documents (decide/evolve), their
// seeds, and which SLA a ticket gets (agreement/, holiday-list/, selection/).
export * from './agreement/index.js';
export * from './holiday-list/index.js';
export * from './selection/index.js';
