import type { TicketOpened } from './events/lifecycle.events.js';
import { conversationChange, withConversation } from './conversation-moves.js';
import type { CommentReactionAdded, CommentReactionRemoved } from './events/reaction.events.js';
import { ticketDocumentChanges } from './ticket-document-changes.js';
import type { TicketEvent } from './ticket.events.js';
import type { ExistingTicket, TicketState } from './ticket.state.js';

export function evolve(state: TicketState, event: TicketEvent): TicketState {
  if (event.type === 'TicketOpened') return opened(event);
  if (state.kind !== 'existing') return state;
  return withModified(evolveExisting(state, event), event);
}

/** `modified` moves exactly when the document shows a new one, so a save can be compared to it. */
function withModified(state: TicketState, event: TicketEvent): TicketState {
  if (state.kind !== 'existing') return state;
  const { modified } = ticketDocumentChanges(event).fields;
  return typeof modified === 'string' ? { ...state, modified } : state;
}

function evolveExisting(ticket: ExistingTicket, event: TicketEvent): TicketState {
  switch (event.type) {
    case 'TicketOpened':
      return opened(event);
    case 'TicketSubjectChanged':
      return { ...ticket, subject: event.data.subject };
    case 'TicketDescriptionChanged':
      return { ...ticket, description: event.data.description };
    case 'TicketStatusChanged': {
      const d = event.data;
      return {
        ...ticket,
        status: d.to,
        statusCategory: d.toCategory,
        firstRespondedOn: d.firstRespondedOn,
        resolutionDate: d.resolutionDate,
      };
    }
    case 'TicketPriorityChanged':
      return { ...ticket, priority: event.data.priority };
    case 'TicketTypeChanged':
      return { ...ticket, ticketType: event.data.ticketType };
    case 'TicketTeamChanged':
      return { ...ticket, agentGroup: event.data.agentGroup };
    case 'TicketContactChanged':
      return { ...ticket, contact: event.data.contact };
    case 'TicketCustomerChanged':
      return { ...ticket, customer: event.data.customer };
    case 'TicketResolutionDetailsChanged':
      return { ...ticket, resolutionDetails: event.data.resolutionDetails };
    case 'TicketFeedbackGiven': {
      const { feedback, feedbackRating, feedbackExtra } = event.data;
      return { ...ticket, feedback, feedbackRating, feedbackExtra };
    }
    case 'TicketFieldsChanged':
      return withPlainFields(ticket, event.data.fields);
    case 'AgentReplied': {
      const { communicationId, at, firstRespondedOn } = event.data;
      const communications = new Map(ticket.communications).set(communicationId, {
        at,
        sent: true,
      });
      return { ...ticket, agentHasReplied: true, firstRespondedOn, communications };
    }
    case 'CustomerReplied': {
      const { communicationId, at } = event.data;
      const communications = new Map(ticket.communications).set(communicationId, {
        at,
        sent: false,
      });
      return { ...ticket, communications };
    }
    case 'CommentAdded': {
      const { commentId, by, at, mentions } = event.data;
      const comment = { author: by, at, mentions, pinned: false, reactions: new Map() };
      const comments = new Map(ticket.comments).set(commentId, comment);
      return { ...ticket, comments };
    }
    case 'CommentEdited': {
      const { commentId, by, at, allMentions } = event.data;
      const current = ticket.comments.get(commentId);
      const comment = {
        author: current?.author ?? by,
        at: current?.at ?? at,
        mentions: allMentions,
        pinned: current?.pinned ?? false,
        reactions: current?.reactions ?? new Map<string, string>(),
      };
      const comments = new Map(ticket.comments).set(commentId, comment);
      return { ...ticket, comments };
    }
    case 'CommentPinned': {
      const { commentId, pinned } = event.data;
      const current = ticket.comments.get(commentId);
      if (!current) return ticket;
      const comments = new Map(ticket.comments).set(commentId, { ...current, pinned });
      return { ...ticket, comments };
    }
    case 'CommentReactionAdded':
    case 'CommentReactionRemoved':
      return withReaction(ticket, event);
    case 'CommentDeleted': {
      const comments = new Map(ticket.comments);
      comments.delete(event.data.commentId);
      return { ...ticket, comments };
    }
    case 'AgentAssigned':
    case 'AgentUnassigned':
      return { ...ticket, assignees: event.data.assignees };
    case 'TicketSlaApplied': {
      const { priority, ...fields } = event.data.fields;
      return {
        ...withPlainFields(ticket, fields),
        priority: typeof priority === 'string' ? priority : ticket.priority,
        slaBasedOn: event.data.basedOn,
      };
    }
    case 'TicketResponseMetricsApplied':
      return {
        ...withPlainFields(ticket, event.data.fields),
        metricsRevision: event.data.revision,
      };
    case 'TicketSeen':
      return { ...ticket, seenBy: event.data.seenBy };
    case 'TicketMergedInto':
      return { ...ticket, mergedInto: event.data.target };
    case 'TicketMerged':
    case 'TicketSplit':
    case 'TicketSplitFrom':
      return withConversation(ticket, conversationChange(event));
    case 'TicketClosedForInactivity':
      // Stands for the activity line; the status change before it did the closing.
      return ticket;
    case 'TicketDeleted':
      return { kind: 'deleted', name: ticket.name };
    default:
      return exhaustive(event, ticket);
  }
}

function opened(event: TicketOpened): ExistingTicket {
  const d = event.data;
  return {
    kind: 'existing',
    name: d.name,
    key: d.key,
    subject: d.subject,
    description: d.description,
    raisedBy: d.raisedBy,
    status: d.status,
    statusCategory: d.statusCategory,
    priority: d.priority,
    ticketType: d.ticketType,
    agentGroup: d.agentGroup ?? null,
    contact: d.contact ?? null,
    customer: d.customer ?? null,
    resolutionDetails: null,
    viaCustomerPortal: d.viaCustomerPortal,
    firstRespondedOn: null,
    resolutionDate: null,
    agentHasReplied: false,
    communications: new Map(),
    mergedInto: null,
    feedback: null,
    feedbackRating: null,
    feedbackExtra: null,
    fields: { ...d.fields },
    comments: new Map(),
    assignees: [],
    seenBy: [],
    modified: d.openedAt,
  };
}

/** The note's reactions after a user added, changed or removed theirs. */
function withReaction(
  ticket: ExistingTicket,
  event: CommentReactionAdded | CommentReactionRemoved,
): ExistingTicket {
  const { commentId, by, emoji } = event.data;
  const current = ticket.comments.get(commentId);
  if (!current) return ticket;
  const reactions = new Map(current.reactions);
  if (event.type === 'CommentReactionAdded') reactions.set(by, emoji);
  else reactions.delete(by);
  const comments = new Map(ticket.comments).set(commentId, { ...current, reactions });
  return { ...ticket, comments };
}

/** `raised_by` and `via_customer_portal` have their own place in the state; the rest stay by name. */
function withPlainFields(
  ticket: ExistingTicket,
  changed: ExistingTicket['fields'],
): ExistingTicket {
  const { raised_by, via_customer_portal, ...rest } = changed;
  return {
    ...ticket,
    raisedBy: typeof raised_by === 'string' ? raised_by : ticket.raisedBy,
    viaCustomerPortal:
      via_customer_portal === undefined ? ticket.viaCustomerPortal : Boolean(via_customer_portal),
    fields: { ...ticket.fields, ...rest },
  };
}

/** A stored event this version does not know is skipped, never a crash while folding. */
function exhaustive(_: never, ticket: ExistingTicket): ExistingTicket {
  return ticket;
}
