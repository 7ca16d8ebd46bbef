import type { FieldValue } from '../ticket.context.js';

/** Every event after `TicketOpened` names its ticket, when it happened and who did it. */
export interface TicketEventMeta {
  name: number;
  /** ISO-8601 instant. */
  at: string;
  by: string;
}

export interface TicketOpened {
  type: 'TicketOpened';
  data: {
    name: number;
    subject: string;
    description: string | null;
    raisedBy: string;
    status: string;
    statusCategory: string;
    priority: string | null;
    ticketType: string;
    viaCustomerPortal: boolean;
    key: string;
    openedBy: string;
    openedAt: string;
    /** Optional: absent on tickets opened before these fields were recorded. */
    agentGroup?: string | null;
    contact?: string | null;
    customer?: string | null;
    /** `YYYY-MM-DD` in the site's time zone. */
    openingDate?: string;
    /** Other plain fields given at creation, by Frappe name. */
    fields?: Record<string, FieldValue>;
  };
}

export interface TicketDeleted {
  type: 'TicketDeleted';
  data: TicketEventMeta;
}

/**
 * HD Settings' auto-close closed the ticket after `days` days without a Communication. It
 * follows the `TicketStatusChanged` to "Closed" of the same save and stands for the activity
 * line Frappe logs beside it.
 */
export interface TicketClosedForInactivity {
  type: 'TicketClosedForInactivity';
  data: TicketEventMeta & { days: number };
}
