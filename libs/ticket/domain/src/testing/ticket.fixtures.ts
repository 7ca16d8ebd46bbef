import assert from 'node:assert/strict';
import type {
  AddComment,
  DeleteComment,
  EditComment,
  OpenTicket,
  PinComment,
  ReplyAsAgent,
  ReplyAsCustomer,
  UpdateTicket,
} from '../ticket.commands.js';
import type { StatusCategory, TicketLookups } from '../ticket.context.js';
import type { TicketEvent, TicketOpened } from '../ticket.events.js';
import { decide } from '../ticket.decide.js';
import { evolve } from '../ticket.evolve.js';
import { TicketRuleViolation, type TicketRuleKind } from '../ticket-rule-violation.js';
import { initialTicketState, type TicketState } from '../ticket.state.js';

/** Shared givens for the ticket's unit specs: the seeded catalogue and a few actors. */
export const OPENED_AT = '2026-11-21T10:00:00.000Z';
export const now = new Date('2026-11-21T11:00:00.000Z');
export const NOW = now.toISOString();
export const AGENT = 'agent@example.com';
export const CUSTOMER = 'jane@customer.com';

const STATUSES: Record<string, StatusCategory> = {
  Open: 'Open',
  Replied: 'Paused',
  Resolved: 'Resolved',
  Closed: 'Resolved',
  'Waiting on Vendor': 'Paused',
  Reopened: 'Open',
};
const TYPE_PRIORITIES: Record<string, string | null> = {
  Unspecified: null,
  Question: null,
  Bug: 'High',
  Incident: 'Urgent',
};
const RATINGS: Record<string, number> = {
  'Response did not help': 0.2,
  'Exceptional support experience': 1,
};

export const lookups: TicketLookups = {
  statusCategoryOf: (status) => (Object.hasOwn(STATUSES, status) ? STATUSES[status] : undefined),
  priorityExists: (priority) => ['Urgent', 'High', 'Medium', 'Low'].includes(priority),
  typeExists: (type) => Object.hasOwn(TYPE_PRIORITIES, type),
  typePriorityOf: (type) =>
    Object.hasOwn(TYPE_PRIORITIES, type) ? (TYPE_PRIORITIES[type] ?? null) : undefined,
  feedbackRatingOf: (option) => (Object.hasOwn(RATINGS, option) ? RATINGS[option] : undefined),
  teamExists: (team) => ['Billing', 'Product Experts'].includes(team),
};

export const agent = { actor: AGENT, actorIsAgent: true, now };
export const customer = { actor: CUSTOMER, actorIsAgent: false, now };

export function given(events: TicketEvent[]): TicketState {
  return events.reduce(evolve, initialTicketState);
}

export function opened(data: Partial<TicketOpened['data']> = {}): TicketOpened {
  return {
    type: 'TicketOpened',
    data: {
      name: 7,
      subject: 'Cannot log in',
      description: '<p>help</p>',
      raisedBy: CUSTOMER,
      status: 'Open',
      statusCategory: 'Open',
      priority: 'Medium',
      ticketType: 'Unspecified',
      viaCustomerPortal: false,
      key: 'k-1',
      openedBy: CUSTOMER,
      openedAt: OPENED_AT,
      agentGroup: null,
      contact: null,
      customer: null,
      ...data,
    },
  };
}

/** Metadata of an event decided at `now` by `by`. */
export const meta = (by: string, at = NOW) => ({ name: 7, at, by });

export function statusChanged(
  to: string,
  toCategory: StatusCategory,
  from = 'Open',
  fromCategory = 'Open',
  at = OPENED_AT,
): TicketEvent {
  return {
    type: 'TicketStatusChanged',
    data: {
      ...meta(AGENT, at),
      from,
      fromCategory,
      to,
      toCategory,
      firstRespondedOn: toCategory === 'Resolved' || toCategory === 'Paused' ? at : null,
      resolutionDate: toCategory === 'Resolved' ? at : null,
    },
  };
}

export function agentReplied(at = OPENED_AT): TicketEvent {
  return {
    type: 'AgentReplied',
    data: {
      ...meta(AGENT, at),
      communicationId: 'c-agent',
      subject: 'Re: Cannot log in',
      content: 'Try again',
      sender: AGENT,
      recipients: CUSTOMER,
      cc: null,
      bcc: null,
      emailAccount: null,
      attachments: [],
      firstRespondedOn: at,
    },
  };
}

export const settings = {
  defaultTicketType: 'Unspecified',
  defaultPriority: 'Medium',
  isFeedbackMandatory: true,
};

/** The site shows datetimes in UTC here: `2026-11-21 11:00:00.000000`. */
export const showUtc = (instant: string) => instant.replace('T', ' ').replace('Z', '000');

export function update(
  changes: Record<string, unknown>,
  context: Partial<UpdateTicket['context']> = {},
): UpdateTicket {
  return {
    type: 'UpdateTicket',
    data: { name: 7, changes },
    context: { ...agent, lookups, settings, showDatetime: showUtc, ...context },
  };
}

export function agentReply(
  data: Partial<ReplyAsAgent['data']> = {},
  context: Partial<ReplyAsAgent['context']> = {},
): ReplyAsAgent {
  return {
    type: 'ReplyAsAgent',
    data: { name: 7, communicationId: 'c-1', message: '<p>Fixed</p>', ...data },
    context: {
      ...agent,
      lookups,
      settings: { autoUpdateStatus: false, updateStatusTo: null },
      ...context,
    },
  };
}

export function customerReply(
  data: Partial<ReplyAsCustomer['data']> = {},
  context: Partial<ReplyAsCustomer['context']> = {},
): ReplyAsCustomer {
  return {
    type: 'ReplyAsCustomer',
    data: { name: 7, communicationId: 'c-2', message: '<p>Still broken</p>', ...data },
    context: {
      ...customer,
      lookups,
      settings: { defaultTicketStatus: 'Open', ticketReopenStatus: 'Reopened' },
      ...context,
    },
  };
}

export function addComment(content: string, commentId = 'n-1', by = agent): AddComment {
  return { type: 'AddComment', data: { name: 7, commentId, content }, context: by };
}

export function editComment(content: string, commentId = 'n-1', by = agent): EditComment {
  return { type: 'EditComment', data: { name: 7, commentId, content }, context: by };
}

export function pinComment(pinned: boolean, commentId = 'n-1', by = agent): PinComment {
  return { type: 'PinComment', data: { name: 7, commentId, pinned }, context: by };
}

export function deleteComment(
  commentId = 'n-1',
  by = agent,
  actorIsManager = false,
): DeleteComment {
  return {
    type: 'DeleteComment',
    data: { name: 7, commentId },
    context: { ...by, actorIsManager },
  };
}

/** Asserts the command is refused with this kind (and, when given, this exact message). */
export function assertViolation(run: () => unknown, kind: TicketRuleKind, message?: string): void {
  assert.throws(run, (error: unknown) => {
    assert.ok(error instanceof TicketRuleViolation, `expected a TicketRuleViolation, got ${error}`);
    assert.equal(error.kind, kind);
    if (message !== undefined) assert.equal(error.message, message);
    return true;
  });
}

export const OPEN_DEFAULTS = {
  status: 'Open',
  statusCategory: 'Open',
  ticketType: 'Unspecified',
  priority: null,
};
const OPEN_AT = new Date(OPENED_AT);

/** An OpenTicket command with sensible defaults, for the OpenTicket specs. */
export function openTicket(
  data: Partial<OpenTicket['data']> = {},
  context: Partial<OpenTicket['context']> = {},
): OpenTicket {
  return {
    type: 'OpenTicket',
    data: { name: 7, subject: 'Cannot log in', ...data },
    context: { actor: AGENT, now: OPEN_AT, key: 'k-1', defaults: OPEN_DEFAULTS, ...context },
  };
}

/** The TicketOpened data an OpenTicket decides on a new stream. */
export function openedData(command: OpenTicket): TicketOpened['data'] {
  const [event] = decide(command, given([]));
  if (event?.type !== 'TicketOpened') throw new Error(`expected TicketOpened, got ${event?.type}`);
  return event.data;
}
