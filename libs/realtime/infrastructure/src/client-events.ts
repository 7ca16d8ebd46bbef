import type { Logger } from '@nestjs/common';
import {
  agentsListRoom,
  docRoom,
  isAgentViewer,
  mayRead,
  TICKET_DOCTYPE,
  ticketOfRoom,
  ticketRoom,
  userListRoom,
  userRoom,
  type Viewer,
} from '@helpdesk/realtime-application';
import type { Namespace, Socket } from 'socket.io';
import type { TicketAudiences } from './ticket-audiences.js';

export interface SocketData {
  viewer: Viewer;
  correlationId: string;
}

type Ack = (reply: Record<string, unknown>) => void;

const MAX_FIELD_LENGTH = 140;

/**
 * The events a client sends (frappe-api §4.3 and Frappe's `doc_subscribe`). Joining a ticket's
 * rooms asks ticket-service whether the user may read it; only members of a ticket's room may
 * broadcast presence, typing and live edits into it. A client that passes an acknowledgement
 * callback is told the outcome (`{ ok }`, or Frappe's `exc_type` and message).
 */
export function registerClientEvents(
  socket: Socket,
  nsp: Namespace,
  audiences: TicketAudiences,
  logger: Logger,
): void {
  const data = socket.data as SocketData;
  const { viewer } = data;

  const guard =
    (handler: (...args: unknown[]) => Promise<Record<string, unknown>> | Record<string, unknown>) =>
    async (...args: unknown[]) => {
      const ack = typeof args.at(-1) === 'function' ? (args.pop() as Ack) : undefined;
      try {
        ack?.(await handler(...args));
      } catch (error) {
        logger.warn({ msg: 'client event failed', user: viewer.user, error: String(error) });
        ack?.({ ok: false, exc_type: 'ServiceUnavailableError', message: 'Try again' });
      }
    };

  const joinIfReadable = async (ticket: number, rooms: string[]) => {
    const audience = await audiences.of(ticket, data.correlationId);
    if (!mayRead(audience, viewer)) return denied(ticket);
    await socket.join(rooms);
    return { ok: true };
  };

  const viewers = async (ticket: number) => {
    const sockets = await nsp.in(ticketRoom(ticket)).fetchSockets();
    const users = [...new Set(sockets.map((s) => (s.data as SocketData).viewer.user))];
    // Frappe sends the users as a JSON string, not an array.
    return { ticket_id: ticket, users: JSON.stringify(users), total_viewers: users.length };
  };

  socket.on('ping', () => socket.emit('pong'));

  socket.on(
    'view_ticket',
    guard(async (id) => {
      const ticket = ticketId(id);
      if (ticket === undefined) return invalid();
      const joined = await joinIfReadable(ticket, [ticketRoom(ticket)]);
      if (joined.ok) nsp.to(ticketRoom(ticket)).emit('ticket_viewers', await viewers(ticket));
      return joined;
    }),
  );

  socket.on(
    'stop_view_ticket',
    guard(async (id) => {
      const ticket = ticketId(id);
      if (ticket === undefined) return invalid();
      await socket.leave(ticketRoom(ticket));
      nsp.to(ticketRoom(ticket)).emit('ticket_viewers', await viewers(ticket));
      return { ok: true };
    }),
  );

  socket.on(
    'ticket_get_viewers',
    guard(async (id) => {
      const ticket = ticketId(id);
      if (ticket === undefined) return invalid();
      if (!socket.rooms.has(ticketRoom(ticket))) return denied(ticket);
      nsp.to(userRoom(viewer.user)).emit('ticket_viewers', await viewers(ticket));
      return { ok: true };
    }),
  );

  socket.on(
    'notify_ticket_update',
    guard((id, field, value) => {
      const ticket = ticketId(id);
      if (ticket === undefined || typeof field !== 'string' || field.length > MAX_FIELD_LENGTH) {
        return invalid();
      }
      if (!socket.rooms.has(ticketRoom(ticket))) return denied(ticket);
      socket
        .to(ticketRoom(ticket))
        .emit('ticket_update', { ticket_id: ticket, user: viewer.user, field, value });
      return { ok: true };
    }),
  );

  for (const event of ['helpdesk_ticket_typing', 'helpdesk_ticket_typing_stopped']) {
    socket.on(
      event,
      guard((id) => {
        const ticket = ticketId(id);
        if (ticket === undefined) return invalid();
        if (!socket.rooms.has(ticketRoom(ticket))) return denied(ticket);
        socket.to(ticketRoom(ticket)).emit(event, { ticket_id: ticket, user: viewer.user });
        return { ok: true };
      }),
    );
  }

  socket.on(
    'doc_subscribe',
    guard(async (doctype, name) => {
      if (doctype !== TICKET_DOCTYPE) return unsupported(doctype);
      const ticket = ticketId(name);
      if (ticket === undefined) return invalid();
      return joinIfReadable(ticket, [docRoom(TICKET_DOCTYPE, ticket)]);
    }),
  );

  socket.on(
    'doc_unsubscribe',
    guard(async (doctype, name) => {
      const ticket = ticketId(name);
      if (doctype !== TICKET_DOCTYPE || ticket === undefined) return invalid();
      await socket.leave(docRoom(TICKET_DOCTYPE, ticket));
      return { ok: true };
    }),
  );

  socket.on(
    'doctype_subscribe',
    guard(async (doctype) => {
      if (doctype !== TICKET_DOCTYPE) return unsupported(doctype);
      const rooms = [userListRoom(TICKET_DOCTYPE, viewer.user)];
      if (isAgentViewer(viewer)) rooms.push(agentsListRoom(TICKET_DOCTYPE));
      await socket.join(rooms);
      return { ok: true };
    }),
  );

  socket.on(
    'doctype_unsubscribe',
    guard(async (doctype) => {
      if (doctype !== TICKET_DOCTYPE) return unsupported(doctype);
      for (const room of [
        userListRoom(TICKET_DOCTYPE, viewer.user),
        agentsListRoom(TICKET_DOCTYPE),
      ]) {
        await socket.leave(room);
      }
      return { ok: true };
    }),
  );

  // Whoever still watches a ticket this connection was viewing learns it has gone.
  socket.on('disconnecting', () => {
    const watched = [...socket.rooms].map(ticketOfRoom).filter((t) => t !== undefined);
    if (watched.length === 0) return;
    setImmediate(() => {
      for (const ticket of watched) {
        void viewers(ticket)
          .then((payload) => nsp.to(ticketRoom(ticket)).emit('ticket_viewers', payload))
          .catch(() => undefined);
      }
    });
  });
}

/** A ticket id as the API takes it: a positive integer, or its decimal string. */
function ticketId(value: unknown): number | undefined {
  const number =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && /^\d{1,15}$/.test(value)
        ? Number(value)
        : NaN;
  return Number.isSafeInteger(number) && number > 0 ? number : undefined;
}

function denied(ticket: number) {
  return {
    ok: false,
    exc_type: 'PermissionError',
    message: `No permission to read HD Ticket ${ticket}`,
  };
}

function invalid() {
  return { ok: false, exc_type: 'ValidationError', message: 'A ticket id is required' };
}

function unsupported(doctype: unknown) {
  return {
    ok: false,
    exc_type: 'ValidationError',
    message: `Realtime rooms are kept for ${TICKET_DOCTYPE} only, not ${String(doctype)}`,
  };
}
