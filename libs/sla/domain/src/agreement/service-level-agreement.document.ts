import type { Weekday } from '@helpdesk/shared-working-time';

export const SLA_DOCTYPE = 'HD Service Level Agreement';
export const SLA_PRIORITY_DOCTYPE = 'HD Service Level Priority';
export const SERVICE_DAY_DOCTYPE = 'HD Service Day';

/** One row of `priorities` (HD Service Level Priority); times are Duration fields, in seconds. */
export interface ServiceLevelPriorityRow {
  /** Link HD Ticket Priority. */
  priority: string;
  /** "First Response Time". */
  response_time: number;
  /** Required only while `apply_sla_for_resolution` is on. */
  resolution_time: number | null;
  default_priority: 0 | 1;
}

/** One row of `support_and_resolution` (HD Service Day): the working hours of a weekday. */
export interface ServiceDayRow {
  workday: Weekday;
  /** `HH:mm:ss` on the wall clock of the SLA's `timezone`. */
  start_time: string;
  /** `HH:mm:ss`; `24:00:00` closes at midnight. */
  end_time: string;
}

/**
 * HD Service Level Agreement, field by field as `frappe.client.get` shows it, named by
 * `service_level`. Two fields are ours: `priority` orders conditional SLAs when several match,
 * and `timezone` is the IANA zone of the working hours.
 */
export interface ServiceLevelAgreementDocument {
  name: string;
  /** Set once; equals `name`. */
  service_level: string;
  description: string | null;
  enabled: 0 | 1;
  /** Exactly one SLA is the default: the one a ticket gets when no condition matches. */
  default_sla: 0 | 1;
  /** Int: when several conditional SLAs match a ticket, the lowest goes first. */
  priority: number;
  /** `YYYY-MM-DD`, inclusive: the SLA is chosen from this day on. */
  start_date: string | null;
  /** `YYYY-MM-DD`, inclusive: the SLA is chosen until the end of this day. */
  end_date: string | null;
  /** Python-like expression on the ticket, `doc.priority in ['High']`; parsed, never evaluated as code. */
  condition: string | null;
  /** The condition editor's JSON list form; preferred over `condition` when both are set. */
  condition_json: string | null;
  /** Link HD Service Holiday List. */
  holiday_list: string;
  support_and_resolution: ServiceDayRow[];
  priorities: ServiceLevelPriorityRow[];
  /** Computed on save: the priority of the row flagged `default_priority`. */
  default_priority: string;
  apply_sla_for_resolution: 0 | 1;
  /** Link HD Ticket Status (category Open): overrides HD Settings for tickets on this SLA. */
  default_ticket_status: string | null;
  /** Link HD Ticket Status (category Open). */
  ticket_reopen_status: string | null;
  /** IANA zone of the working hours and holidays; the site's zone unless set. */
  timezone: string;
}

/** Everything but the name: what creation records. */
export type ServiceLevelAgreementValues = Omit<ServiceLevelAgreementDocument, 'name'>;

/** What a new SLA holds for the fields a client leaves out; `timezone` comes from the site. */
export const SLA_DEFAULTS: Omit<ServiceLevelAgreementValues, 'service_level' | 'timezone'> = {
  description: null,
  enabled: 1,
  default_sla: 0,
  priority: 0,
  start_date: null,
  end_date: null,
  condition: null,
  condition_json: null,
  holiday_list: '',
  support_and_resolution: [],
  priorities: [],
  default_priority: '',
  apply_sla_for_resolution: 1,
  default_ticket_status: null,
  ticket_reopen_status: null,
};

/** Field labels, as Frappe's messages name the fields. */
export const SLA_LABELS = {
  service_level: 'Service Level Name',
  holiday_list: 'Holiday List',
  support_and_resolution: 'Working Hours',
  priorities: 'Priorities',
  default_ticket_status: 'Default Ticket Status',
  ticket_reopen_status: 'Ticket Reopen status',
  start_date: 'Start Date',
  end_date: 'End Date',
  timezone: 'Time Zone',
} as const;
