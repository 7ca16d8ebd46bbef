import type { Sql } from '@helpdesk/shared-event-store';
import type { FrappeDocument } from '@helpdesk/shared-messaging';
import type { TicketPriorityFact } from '@helpdesk/sla-domain';

/**
 * What the SLA document rules read of other SLA documents, on the command's transaction. Every
 * SLA and holiday list change first takes one lock, so two saves cannot both become the default,
 * and a list cannot be deleted while an SLA naming it is being saved.
 */
export interface SlaDocumentFacts {
  lock(sql: Sql): Promise<void>;
  /** The SLA other than `name` marked `default_sla`, if any. */
  otherDefaultSla(sql: Sql, name: string): Promise<string | null>;
  holidayListExists(sql: Sql, name: string): Promise<boolean>;
  /** The SLAs whose `holiday_list` is `name`. */
  slasUsingList(sql: Sql, name: string): Promise<string[]>;
}

/** ticket-service's catalogue as an SLA's links are checked against it. */
export interface TicketFacts {
  ticketPriorities: readonly TicketPriorityFact[];
  /** HD Ticket Status names of category Open. */
  openTicketStatuses: readonly string[];
}

/** Where the ticket facts come from: asked of ticket-service for each SLA save. */
export interface TicketCatalogue {
  facts(): Promise<TicketFacts>;
}

/** Frappe reads over one SLA DocType's read model. */
export interface SlaDocumentReads {
  /** `frappe.client.get_list` / `GET /api/resource/<doctype>` with Frappe's parameters. */
  list(params: Record<string, unknown>): Promise<unknown[]>;
  count(params: Record<string, unknown>): Promise<number>;
  /** The whole document with its child rows, as `frappe.client.get` returns it. */
  get(name: string): Promise<FrappeDocument | undefined>;
}

/** One row of `hd_service_holiday_list.get_events`, as the calendar view reads it. */
export interface HolidayEvent {
  name: string;
  holiday_date: string;
  description: string;
  color: string | null;
  allDay: 1;
}

export interface HolidayCalendar {
  /**
   * Holidays strictly between `start` and `end` (`YYYY-MM-DD`) of the lists matching `filters`
   * (Frappe filters on HD Service Holiday List), by date.
   */
  holidayEvents(start: string, end: string, filters: unknown): Promise<HolidayEvent[]>;
}
