import { eventStoreMigration } from '@helpdesk/shared-event-store';
import { AGREEMENT_MIGRATIONS } from './agreements/agreement.migrations.js';
import { RECKONING_MIGRATIONS } from './reckoning/reckoning.migrations.js';

export const SLA_SCHEMA = 'sla';

/**
 * sla-service's own tables: the event log of its SLAs and holiday lists with their read models,
 * and each ticket's SLA clock with the reckonings it owes ticket-service.
 */
export const slaMigrations = [
  eventStoreMigration(SLA_SCHEMA),
  ...AGREEMENT_MIGRATIONS,
  ...RECKONING_MIGRATIONS,
];
