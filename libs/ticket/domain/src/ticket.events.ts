import type { AgentAssigned, AgentUnassigned } from './events/assignment.events.js';
import type {
  CommentAdded,
  CommentDeleted,
  CommentEdited,
  CommentPinned,
} from './events/comment.events.js';
import type { AgentReplied, CustomerReplied } from './events/conversation.events.js';
import type {
  TicketContactChanged,
  TicketCustomerChanged,
  TicketDescriptionChanged,
  TicketFeedbackGiven,
  TicketFieldsChanged,
  TicketPriorityChanged,
  TicketResolutionDetailsChanged,
  TicketStatusChanged,
  TicketSubjectChanged,
  TicketTeamChanged,
  TicketTypeChanged,
} from './events/field.events.js';
import type {
  TicketClosedForInactivity,
  TicketDeleted,
  TicketOpened,
} from './events/lifecycle.events.js';
import type { TicketSeen } from './events/view.events.js';
import type {
  TicketMerged,
  TicketMergedInto,
  TicketSplit,
  TicketSplitFrom,
} from './events/merge-split.events.js';
import type { CommentReactionAdded, CommentReactionRemoved } from './events/reaction.events.js';
import type { TicketSlaApplied } from './events/sla.events.js';
import type { TicketResponseMetricsApplied } from './events/metrics.events.js';

export type * from './events/assignment.events.js';
export type * from './events/comment.events.js';
export type * from './events/conversation.events.js';
export type * from './events/field.events.js';
export type * from './events/lifecycle.events.js';
export type * from './events/view.events.js';
export type * from './events/reaction.events.js';
export type * from './events/merge-split.events.js';
export type * from './events/sla.events.js';

/**
 * Facts on a ticket's stream. The `type` string is what is stored: never rename one; add a new
 * event or upcast on read instead.
 */
export type TicketEvent =
  | TicketOpened
  | TicketSubjectChanged
  | TicketDescriptionChanged
  | TicketStatusChanged
  | TicketPriorityChanged
  | TicketTypeChanged
  | TicketTeamChanged
  | TicketContactChanged
  | TicketCustomerChanged
  | TicketResolutionDetailsChanged
  | TicketFeedbackGiven
  | TicketFieldsChanged
  | AgentReplied
  | CustomerReplied
  | CommentAdded
  | CommentEdited
  | CommentPinned
  | CommentDeleted
  | CommentReactionAdded
  | CommentReactionRemoved
  | AgentAssigned
  | AgentUnassigned
  | TicketSeen
  | TicketMergedInto
  | TicketMerged
  | TicketSplit
  | TicketSplitFrom
  | TicketSlaApplied
  | TicketResponseMetricsApplied
  | TicketClosedForInactivity
  | TicketDeleted;

export type TicketEventType = TicketEvent['type'];
