import { formatFrappeDatetime } from '@helpdesk/shared-frappe-api';
import {
  TICKET_EVENTS_SUBJECT_PREFIX,
  type TicketAudienceV1,
  type TicketEventV1,
} from '@helpdesk/ticket-contracts';
import { emission, type Emission } from './emission.js';
import { agentMayRead, readerRooms } from './ticket-readers.js';
import {
  agentsListRoom,
  docRoom,
  PORTAL_ROOM,
  TICKET_DOCTYPE,
  ticketRoom,
  userListRoom,
  userRoom,
} from './rooms.js';

const TICKET_LIST = {
  everyAgent: agentsListRoom(TICKET_DOCTYPE),
  user: (user: string) => userListRoom(TICKET_DOCTYPE, user),
};

/** Changes to notes and reactions: HD Ticket Comment documents, never the ticket itself. */
const NOTE_CHANGES = new Set([
  'comment-added',
  'comment-edited',
  'comment-pinned',
  'comment-deleted',
]);
const REACTION_CHANGES = new Set(['comment-reaction-added', 'comment-reaction-removed']);
/** Recorded on the ticket without saving it (Frappe's `_seen` bookkeeping). */
const NOT_SAVES = new Set(['seen', ...NOTE_CHANGES, ...REACTION_CHANGES]);

export interface EmissionContext {
  /** Who may read the ticket now; `exists: false` once it is gone. */
  audience: TicketAudienceV1;
  /** The site zone `modified` is rendered in, as on the HTTP API. */
  timeZone: string;
}

/**
 * What one committed ticket event sends, and to whom (frappe-api §4.2 plus the helpdesk's own
 * notifications). Frappe's events keep their names, rooms and payloads; anything that goes beyond
 * the ticket's own room is addressed to rooms holding only the ticket's readers, and notes and
 * reactions never reach portal users.
 */
export function ticketEmissions(event: TicketEventV1, context: EmissionContext): Emission[] {
  const { audience } = context;
  const kind = event.type.slice(TICKET_EVENTS_SUBJECT_PREFIX.length + 1);
  const ticket = event.ticket;
  const room = ticketRoom(ticket);
  const readers = readerRooms(audience, { internal: false });
  const data = event.data as Record<string, unknown>;
  const out: Emission[] = [];

  if (kind === 'opened') out.push(emission('helpdesk:new-ticket', {}, readers));
  if (!NOT_SAVES.has(kind)) {
    out.push(emission('helpdesk:ticket-update', { ticket_id: ticket }, [room]));
    out.push(
      emission(
        'doc_update',
        {
          modified: formatFrappeDatetime(new Date(event.occurredAt), context.timeZone),
          doctype: TICKET_DOCTYPE,
          name: ticket,
        },
        [docRoom(TICKET_DOCTYPE, ticket)],
      ),
    );
    // List subscribers who read the ticket. A deleted one has no readers left to name: only those
    // watching it hear of it, who were entitled when they joined.
    const listeners = audience.exists
      ? readerRooms(audience, { internal: false }, TICKET_LIST)
      : [room];
    out.push(
      emission(
        'list_update',
        { doctype: TICKET_DOCTYPE, name: ticket, user: event.actor },
        listeners,
      ),
    );
  }

  switch (kind) {
    case 'status-changed':
      out.push(
        emission(
          'helpdesk:ticket-status-changed',
          {
            ticket_id: ticket,
            status: data['to'],
            status_category: data['to_category'],
            previous_status: data['from'],
            modified_by: event.actor,
          },
          [room, ...assigneeRooms(audience)],
        ),
      );
      break;
    case 'agent-assigned': {
      const assignee = typeof data['agent'] === 'string' ? data['agent'] : undefined;
      if (assignee && audience.exists) {
        out.push(
          emission(
            'helpdesk:ticket-assigned',
            { ticket_id: ticket, assignee, assigned_by: event.actor, rule: data['rule'] ?? null },
            [userRoom(assignee)],
          ),
        );
      }
      break;
    }
    case 'comment-added':
    case 'comment-edited':
    case 'comment-pinned':
    case 'comment-deleted':
      out.push(emission('helpdesk:ticket-comment', { ticket_id: ticket }, [room], [PORTAL_ROOM]));
      if (kind === 'comment-added') {
        out.push(
          emission(
            'helpdesk:new-comment',
            { ticket_id: ticket, comment: data['comment_id'], commented_by: event.actor },
            [room, ...assigneeRooms(audience)],
            [PORTAL_ROOM],
          ),
        );
      }
      out.push(...mentionEmissions(event, data, audience));
      break;
    case 'comment-reaction-added':
    case 'comment-reaction-removed':
      out.push(
        emission(
          'helpdesk:comment-reaction-update',
          { comment: data['comment_id'], ticket_id: ticket },
          [room],
          [PORTAL_ROOM],
        ),
      );
      break;
  }
  return out;
}

/** The assignees' own rooms; every assignee may read the ticket (`_assign` grants it). */
function assigneeRooms(audience: TicketAudienceV1): string[] {
  return audience.exists ? audience.assignees.map(userRoom) : [];
}

/**
 * One `helpdesk:mention` to each user a note newly mentions, when they may read the ticket as an
 * agent: a mention does not open a ticket a team restriction keeps from them, nor reach a customer.
 */
function mentionEmissions(
  event: TicketEventV1,
  data: Record<string, unknown>,
  audience: TicketAudienceV1,
): Emission[] {
  const mentions = Array.isArray(data['mentions']) ? data['mentions'] : [];
  const out: Emission[] = [];
  for (const user of new Set(mentions.filter((m): m is string => typeof m === 'string'))) {
    if (user === event.actor) continue;
    const entitled = agentMayRead(audience, user);
    if (entitled === 'no') continue;
    out.push(
      emission(
        'helpdesk:mention',
        {
          ticket_id: event.ticket,
          comment: data['comment_id'],
          mentioned_by: event.actor,
          mentioned_user: user,
        },
        [userRoom(user)],
        entitled === 'if-agent' ? [PORTAL_ROOM] : [],
      ),
    );
  }
  return out;
}
