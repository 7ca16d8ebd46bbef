import { waitFor } from '@helpdesk/shared-testing';
import { io, type Socket } from 'socket.io-client';

export const SITE = 'helpdesk.localhost';

export interface Received {
  event: string;
  payload: Record<string, unknown>;
}

/** A Socket.IO client as the web app holds one, recording every event it receives. */
export interface RealtimeClient {
  user: string;
  socket: Socket;
  received: Received[];
  /** Waits until an event matching `match` has been received `count` times (default once). */
  waitFor(
    event: string,
    match?: (payload: Record<string, unknown>) => boolean,
    count?: number,
  ): Promise<Received[]>;
  /** Events received that concern a ticket. */
  about(ticket: number): Received[];
  /** Emits a client event and resolves with the server's acknowledgement. */
  ask(event: string, ...args: unknown[]): Promise<Record<string, unknown>>;
  close(): void;
}

/** Connects to a realtime replica's site namespace with a `key:secret` token; resolves once connected. */
export async function connectClient(
  url: string,
  user: string,
  token: string,
  options: { recovery?: boolean } = {},
): Promise<RealtimeClient> {
  const socket = io(`${url}/${SITE}`, {
    path: '/socket.io',
    transports: ['websocket'],
    auth: { token },
    reconnection: options.recovery ?? false,
    forceNew: true,
  });
  const received: Received[] = [];
  socket.onAny((event: string, payload: Record<string, unknown>) =>
    received.push({ event, payload: payload ?? {} }),
  );
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', (error: Error & { data?: unknown }) =>
      reject(Object.assign(new Error(error.message), { data: error.data })),
    );
  });
  const matching = (event: string, match?: (payload: Record<string, unknown>) => boolean) =>
    received.filter((r) => r.event === event && (!match || match(r.payload)));
  return {
    user,
    socket,
    received,
    waitFor: (event, match, count = 1) =>
      waitFor(
        () => {
          const found = matching(event, match);
          return found.length >= count ? found : undefined;
        },
        { what: `${user} to receive ${count} × ${event}` },
      ),
    about: (ticket) =>
      received.filter((r) => Number(r.payload['ticket_id'] ?? r.payload['name']) === ticket),
    ask: (event, ...args) =>
      socket.timeout(10_000).emitWithAck(event, ...args) as Promise<Record<string, unknown>>,
    close: () => socket.disconnect(),
  };
}

/** A handshake that should fail: resolves with the refusal's message and Frappe data. */
export async function refusedHandshake(
  url: string,
  auth: Record<string, unknown>,
): Promise<{ message: string; data: Record<string, unknown> }> {
  const socket = io(`${url}/${SITE}`, {
    path: '/socket.io',
    transports: ['websocket'],
    auth,
    reconnection: false,
    forceNew: true,
  });
  try {
    return await new Promise((resolve, reject) => {
      socket.once('connect', () => reject(new Error('the handshake was accepted')));
      socket.once('connect_error', (error: Error & { data?: Record<string, unknown> }) =>
        resolve({ message: error.message, data: error.data ?? {} }),
      );
    });
  } finally {
    socket.disconnect();
  }
}
