import type { FieldValue } from './ticket.context.js';

/** An internal note as far as the rules need it: who wrote it, when, and whom it mentions. */
export interface TicketComment {
  author: string;
  /** When it was written (its `creation`), an ISO-8601 instant. */
  at: string;
  mentions: readonly string[];
  pinned: boolean;
  /** Each reacting user's emoji (HD Comment Reaction: one per user). */
  reactions: ReadonlyMap<string, string>;
}

/** A Communication on the ticket: when, and whether an agent sent it. */
export interface TicketCommunication {
  at: string;
  sent: boolean;
}

/**
 * Only what `decide` needs to enforce the rules (and to tell a change from a no-op); the full
 * document lives in the read model.
 */
export interface ExistingTicket {
  kind: 'existing';
  name: number;
  key: string;
  subject: string;
  description: string | null;
  raisedBy: string;
  status: string;
  statusCategory: string;
  priority: string | null;
  ticketType: string;
  agentGroup: string | null;
  contact: string | null;
  customer: string | null;
  resolutionDetails: string | null;
  viaCustomerPortal: boolean;
  firstRespondedOn: string | null;
  resolutionDate: string | null;
  /** A "Sent" Communication exists: the reopen and feedback rules depend on it. */
  agentHasReplied: boolean;
  /** The ticket's Communications by name, which a split is measured against. */
  communications: ReadonlyMap<string, TicketCommunication>;
  /** `merged_with`: the ticket this one was merged into, if any. */
  mergedInto: number | null;
  feedback: string | null;
  feedbackRating: number | null;
  feedbackExtra: string | null;
  /** The remaining plain fields (`template`, `summary`, `email_account`, …) by Frappe name. */
  fields: Readonly<Record<string, FieldValue>>;
  comments: ReadonlyMap<string, TicketComment>;
  /** `_assign`: the assigned users, in order of assignment. */
  assignees: readonly string[];
  /** `_seen`: every user who has opened the ticket, in order of their first view. */
  seenBy: readonly string[];
  /** The ticket version sla-service's last applied reckoning was computed from. */
  slaBasedOn?: number;
  /** The revision of the metrics workers' last applied figures. */
  metricsRevision?: number;
  /**
   * The document's `modified` (an ISO-8601 instant): a save carrying an older one was prepared
   * from a stale copy and is refused.
   */
  modified: string;
}

export type TicketState = { kind: 'none' } | ExistingTicket | { kind: 'deleted'; name: number };

export const initialTicketState: TicketState = { kind: 'none' };

export function ticketStreamId(name: number): string {
  return `ticket-${name}`;
}
