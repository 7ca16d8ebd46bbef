/**
 * What a command needs from outside the ticket: who acts and when, catalogue lookups and HD
 * Settings values. The application resolves them (from its read models and the settings stream)
 * and passes them in, so `decide` stays free of I/O.
 */

/** `HD Ticket Status.category`; all lifecycle rules key off it, never off the status label. */
export type StatusCategory = 'Open' | 'Paused' | 'Resolved';

/** A value of a Frappe field as it travels on the wire and in the read model. */
export type FieldValue = string | number | boolean | null;

/** The caller, as the gateway resolved them, and the command's clock. */
export interface ActorContext {
  actor: string;
  /** `helpdesk.utils.is_agent()`: Administrator, Agent, Agent Manager or an HD Agent record. */
  actorIsAgent: boolean;
  now: Date;
}

/**
 * How the site shows a stored ISO-8601 instant: Frappe's naive `YYYY-MM-DD HH:mm:ss.ffffff` in its
 * time zone, as the read model renders `modified`.
 */
export type ShowDatetime = (instant: string) => string;

/** Catalogue lookups; `undefined` (or `false`) means "no such enabled record". */
export interface TicketLookups {
  statusCategoryOf: (status: string) => StatusCategory | undefined;
  priorityExists: (priority: string) => boolean;
  typeExists: (ticketType: string) => boolean;
  /** `HD Ticket Type.priority`; null or undefined when the type names none. */
  typePriorityOf: (ticketType: string) => string | null | undefined;
  /** `HD Ticket Feedback Option.rating` (0–1), undefined when the option is unknown. */
  feedbackRatingOf: (option: string) => number | undefined;
  /** When given, a team (`agent_group`) must exist. */
  teamExists?: (team: string) => boolean;
}

/**
 * Contact and customer linking (frappe-api §1.1.3 steps 10–12). Every member is optional: a rule
 * whose lookup is missing does not run, except the portal contact rule, which refuses a non-agent's
 * contact unless it is `actorContact`.
 */
export interface ContactContext {
  /** The caller's own Contact (Contact.user = caller, else the unlinked Contact with their email). */
  actorContact?: string | null;
  /** The Contact whose `email_id` is this address (`set_contact`). */
  contactOfEmail?: (email: string) => string | undefined;
  /** The HD Customers this contact is a member of (`set_customer`). */
  customersOfContact?: (contact: string) => readonly string[];
  /** HD Settings `auto_set_customer_from_contact` (default on). */
  autoSetCustomerFromContact?: boolean;
}

/**
 * The HD Settings values ticket rules read. The two statuses are the effective ones: the ticket's
 * SLA `default_ticket_status` / `ticket_reopen_status` when set, else HD Settings'.
 */
export interface TicketSettings {
  defaultTicketStatus: string;
  ticketReopenStatus: string;
  defaultTicketType: string | null;
  defaultPriority: string | null;
  autoUpdateStatus: boolean;
  updateStatusTo: string | null;
  isFeedbackMandatory: boolean;
}

/** HD Settings values the insert pipeline falls back on (kept for existing callers). */
export interface TicketDefaults {
  status: string;
  statusCategory: string;
  ticketType: string;
  priority: string | null;
}
