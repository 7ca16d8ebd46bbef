import type { FieldValue, StatusCategory } from '../ticket.context.js';
import type { TicketEventMeta } from './lifecycle.events.js';

/** Changes to the ticket document; each carries the values after the change. */

export interface TicketSubjectChanged {
  type: 'TicketSubjectChanged';
  data: TicketEventMeta & { subject: string };
}

export interface TicketDescriptionChanged {
  type: 'TicketDescriptionChanged';
  data: TicketEventMeta & { description: string | null };
}

/**
 * A move to another status, with the bookkeeping it implies: `firstRespondedOn` and
 * `resolutionDate` are the ticket's values after the move.
 */
export interface TicketStatusChanged {
  type: 'TicketStatusChanged';
  data: TicketEventMeta & {
    from: string;
    fromCategory: string;
    to: string;
    toCategory: StatusCategory;
    firstRespondedOn: string | null;
    resolutionDate: string | null;
  };
}

export interface TicketPriorityChanged {
  type: 'TicketPriorityChanged';
  data: TicketEventMeta & { priority: string | null };
}

export interface TicketTypeChanged {
  type: 'TicketTypeChanged';
  data: TicketEventMeta & { ticketType: string };
}

/** `agent_group`, labelled "Team". */
export interface TicketTeamChanged {
  type: 'TicketTeamChanged';
  data: TicketEventMeta & { agentGroup: string | null };
}

export interface TicketContactChanged {
  type: 'TicketContactChanged';
  data: TicketEventMeta & { contact: string | null };
}

export interface TicketCustomerChanged {
  type: 'TicketCustomerChanged';
  data: TicketEventMeta & { customer: string | null };
}

export interface TicketResolutionDetailsChanged {
  type: 'TicketResolutionDetailsChanged';
  data: TicketEventMeta & { resolutionDetails: string | null };
}

/** `feedback` (an HD Ticket Feedback Option), its copied `feedback_rating` and `feedback_extra`. */
export interface TicketFeedbackGiven {
  type: 'TicketFeedbackGiven';
  data: TicketEventMeta & {
    feedback: string | null;
    feedbackRating: number | null;
    feedbackExtra: string | null;
  };
}

/**
 * Plain fields no rule depends on (`raised_by`, `via_customer_portal`, `template`, `summary`,
 * `email_account`, `attachment`, `content_type`), by Frappe name.
 */
export interface TicketFieldsChanged {
  type: 'TicketFieldsChanged';
  data: TicketEventMeta & { fields: Record<string, FieldValue> };
}
