import type { TicketOpened } from './events/lifecycle.events.js';
import type { FieldValue } from './ticket.context.js';
import type { TicketEvent } from './ticket.events.js';

/** A document value: a plain field, or a JSON list such as `_assign`. */
export type TicketDocumentValue = FieldValue | readonly string[];

/**
 * What an event does to the HD Ticket document, by Frappe field name, so a projection can apply
 * any event generically. Datetimes are ISO-8601 instants; `opening_date` is `YYYY-MM-DD`.
 * `none` is for events that leave the ticket row alone (comments live in their own table).
 */
export interface TicketDocumentChange {
  op: 'insert' | 'update' | 'delete' | 'none';
  name: number;
  fields: Record<string, TicketDocumentValue>;
}

export function ticketDocumentChanges(event: TicketEvent): TicketDocumentChange {
  if (event.type === 'TicketOpened') return insert(event);
  const { name, at, by } = event.data;
  const update = (fields: Record<string, FieldValue>): TicketDocumentChange => ({
    op: 'update',
    name,
    fields: { ...fields, modified: at, modified_by: by },
  });
  switch (event.type) {
    case 'TicketSubjectChanged':
      return update({ subject: event.data.subject });
    case 'TicketDescriptionChanged':
      return update({ description: event.data.description });
    case 'TicketStatusChanged': {
      const d = event.data;
      return update({
        status: d.to,
        status_category: d.toCategory,
        first_responded_on: d.firstRespondedOn,
        resolution_date: d.resolutionDate,
      });
    }
    case 'TicketPriorityChanged':
      return update({ priority: event.data.priority });
    case 'TicketTypeChanged':
      return update({ ticket_type: event.data.ticketType });
    case 'TicketTeamChanged':
      return update({ agent_group: event.data.agentGroup });
    case 'TicketContactChanged':
      return update({ contact: event.data.contact });
    case 'TicketCustomerChanged':
      return update({ customer: event.data.customer });
    case 'TicketResolutionDetailsChanged':
      return update({ resolution_details: event.data.resolutionDetails });
    case 'TicketFeedbackGiven': {
      const d = event.data;
      return update({
        feedback: d.feedback,
        feedback_rating: d.feedbackRating,
        feedback_extra: d.feedbackExtra,
      });
    }
    case 'TicketFieldsChanged':
      return update(event.data.fields);
    case 'AgentReplied':
      return update({ first_responded_on: event.data.firstRespondedOn, last_agent_response: at });
    case 'CustomerReplied':
      return update({ last_customer_response: at });
    case 'CommentAdded':
    case 'CommentEdited':
    case 'CommentPinned':
    case 'CommentDeleted':
    case 'CommentReactionAdded':
    case 'CommentReactionRemoved':
      return { op: 'none', name, fields: {} };
    case 'AgentAssigned':
    case 'AgentUnassigned':
      // Frappe syncs `_assign` from the ToDo rows without touching `modified`, so a form opened
      // before an assignment can still be saved.
      return { op: 'update', name, fields: { _assign: event.data.assignees } };
    case 'TicketSlaApplied':
      // Frappe computes these inside the save that changed the ticket; here they follow it, and
      // like the hourly status job (update_modified=False) they leave `modified` alone, so a
      // form opened before them can still be saved.
      return { op: 'update', name, fields: { ...event.data.fields } };
    case 'TicketResponseMetricsApplied':
      // Figures about the conversation, not an edit: `modified` stays, like the SLA's.
      return { op: 'update', name, fields: { ...event.data.fields } };
    case 'TicketSeen':
      // Frappe writes `_seen` with update_modified=False: viewing is not a change.
      return { op: 'update', name, fields: { _seen: event.data.seenBy } };
    case 'TicketMergedInto':
      return update({ is_merged: true, merged_with: event.data.target });
    case 'TicketMerged':
      // The copied conversation is the ticket's now: it changed, though no field did.
      return update({});
    case 'TicketSplit':
      // Moving messages away leaves the document as it was; the split notice that follows is
      // the change.
      return { op: 'none', name, fields: {} };
    case 'TicketSplitFrom':
      return update({
        ticket_split_from: event.data.source,
        opening_time: event.data.openingTime,
      });
    case 'TicketClosedForInactivity':
      // Frappe logs the activity after the save: the ticket itself is not touched again.
      return { op: 'none', name, fields: {} };
    case 'TicketDeleted':
      return { op: 'delete', name, fields: {} };
    default:
      return unknownEvent(event);
  }
}

function insert(event: TicketOpened): TicketDocumentChange {
  const d = event.data;
  return {
    op: 'insert',
    name: d.name,
    fields: {
      ...d.fields,
      name: d.name,
      owner: d.openedBy,
      creation: d.openedAt,
      modified: d.openedAt,
      modified_by: d.openedBy,
      subject: d.subject,
      description: d.description,
      raised_by: d.raisedBy,
      status: d.status,
      status_category: d.statusCategory,
      priority: d.priority,
      ticket_type: d.ticketType,
      agent_group: d.agentGroup ?? null,
      contact: d.contact ?? null,
      customer: d.customer ?? null,
      via_customer_portal: d.viaCustomerPortal,
      key: d.key,
      ...(d.openingDate === undefined ? {} : { opening_date: d.openingDate }),
    },
  };
}

function unknownEvent(event: never): TicketDocumentChange {
  const { name } = (event as { data: { name: number } }).data;
  return { op: 'none', name, fields: {} };
}
