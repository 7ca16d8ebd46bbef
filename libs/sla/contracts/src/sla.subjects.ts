/** sla-service answers `sla.resource.<op>` and `sla.method` for these. */
export const SLA_SERVICE = 'sla';
export const SLA_SERVICE_QUEUE = 'sla-service';

export const SLA_SERVICE_DOCTYPES = [
  'HD Service Level Agreement',
  'HD Service Holiday List',
] as const;

/** Whitelisted methods sla-service answers on `sla.method`. */
export const SLA_SERVICE_METHODS = [
  'helpdesk.helpdesk.doctype.hd_service_holiday_list.hd_service_holiday_list.get_events',
] as const;
