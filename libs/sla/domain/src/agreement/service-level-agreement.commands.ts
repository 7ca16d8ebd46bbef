/** An HD Ticket Priority as the SLA rules need it. */
export interface TicketPriorityFact {
  name: string;
  /** Only enabled priorities must appear in every SLA (a warning, never an error). */
  enabled: boolean;
}

/**
 * Who acts, when, and the facts about other documents the rules read. The clock and every
 * cross-document fact are passed in, never looked up: deciding does no I/O.
 */
export interface ServiceLevelAgreementContext {
  actor: string;
  now: Date;
  /** The site's IANA zone: the working hours of an SLA without `timezone` are kept in it. */
  siteTimeZone: string;
  /** The SLA other than this one that has `default_sla = 1`, if any. */
  otherDefaultSla: string | null;
  /** Whether the HD Service Holiday List the SLA names after the command exists. */
  holidayListExists: boolean;
  /** Every HD Ticket Priority: rows must name one of them. */
  ticketPriorities: readonly TicketPriorityFact[];
  /** HD Ticket Status names of category Open: the statuses an SLA may name. */
  openTicketStatuses: readonly string[];
}

export interface ServiceLevelPriorityInput {
  priority?: string | null;
  response_time?: number | null;
  resolution_time?: number | null;
  default_priority?: boolean | 0 | 1 | null;
}

export interface ServiceDayInput {
  workday?: string | null;
  /** `HH:mm` or `HH:mm:ss`. */
  start_time?: string | null;
  end_time?: string | null;
}

/**
 * Fields as a client sends them (`frappe.client.insert` / `save` / `set_value`), by Frappe name.
 * Child tables are replaced whole. `default_priority` is computed, so it is not accepted.
 */
export interface ServiceLevelAgreementInput {
  service_level?: string | null;
  description?: string | null;
  enabled?: boolean | 0 | 1 | null;
  default_sla?: boolean | 0 | 1 | null;
  priority?: number | null;
  start_date?: string | null;
  end_date?: string | null;
  condition?: string | null;
  condition_json?: string | null;
  holiday_list?: string | null;
  support_and_resolution?: readonly ServiceDayInput[] | null;
  priorities?: readonly ServiceLevelPriorityInput[] | null;
  apply_sla_for_resolution?: boolean | 0 | 1 | null;
  default_ticket_status?: string | null;
  ticket_reopen_status?: string | null;
  timezone?: string | null;
}

/** Named by `service_level`. */
export interface CreateServiceLevelAgreement {
  type: 'CreateServiceLevelAgreement';
  data: { values: ServiceLevelAgreementInput };
}

export interface UpdateServiceLevelAgreement {
  type: 'UpdateServiceLevelAgreement';
  data: { name: string; changes: ServiceLevelAgreementInput };
}

export interface DeleteServiceLevelAgreement {
  type: 'DeleteServiceLevelAgreement';
  data: { name: string };
}

/**
 * Another SLA became the default: this one stops being it, without its other rules being
 * checked again, as Frappe's `set_value` does it in the same transaction.
 */
export interface DemoteServiceLevelAgreement {
  type: 'DemoteServiceLevelAgreement';
  data: { name: string; in_favour_of: string };
}

export type ServiceLevelAgreementCommand =
  | CreateServiceLevelAgreement
  | UpdateServiceLevelAgreement
  | DeleteServiceLevelAgreement
  | DemoteServiceLevelAgreement;
