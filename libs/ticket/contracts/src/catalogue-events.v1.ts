/**
 * Public events of the ticket catalogues (statuses, priorities, types, feedback options) and of HD
 * Settings, version 1, on their own stream: consumers such as the SLA service keep local copies.
 */
export const CATALOGUE_EVENTS_STREAM = 'HELPDESK_CATALOGUE';
export const CATALOGUE_EVENTS_SUBJECT_PREFIX = 'helpdesk.catalogue.v1';

export interface CatalogueEventV1 {
  id: string;
  type:
    | 'helpdesk.catalogue.v1.entry-added'
    | 'helpdesk.catalogue.v1.entry-changed'
    | 'helpdesk.catalogue.v1.entry-removed'
    | 'helpdesk.catalogue.v1.settings-changed';
  /** `HD Ticket Status`, `HD Ticket Priority`, `HD Ticket Type`, `HD Ticket Feedback Option` or `HD Settings`. */
  doctype: string;
  name: string;
  occurredAt: string;
  actor: string | null;
  correlationId: string | null;
  /** All values for `entry-added`; the changed ones for `entry-changed` and `settings-changed`. */
  data: Record<string, unknown>;
}
