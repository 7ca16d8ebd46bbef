import { randomUUID } from 'node:crypto';
import type { Server as HttpServer } from 'node:http';
import type { Logger } from '@nestjs/common';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import {
  AGENTS_ROOM,
  isAgentViewer,
  PORTAL_ROOM,
  userRoom,
  type Viewer,
} from '@helpdesk/realtime-application';
import { FrappeError } from '@helpdesk/shared-frappe-api';
import type { Redis } from 'ioredis';
import { Server, type Namespace } from 'socket.io';
import { registerClientEvents, type SocketData } from './client-events.js';
import { handshakeCredentials, sessionOriginAllowed } from './handshake-credentials.js';
import { realtimeKeys, type RealtimeOptions } from './realtime.options.js';
import type { RoomAudit } from './room-audit.js';
import type { SocketAuthenticator } from './socket-authenticator.js';
import type { TicketAudiences } from './ticket-audiences.js';

export const SOCKET_IO_PATH = '/socket.io';
const MAX_MESSAGE_BYTES = 100_000;

export interface RealtimeServer {
  io: Server;
  /** The site's namespace, `/<siteName>`, where every client connects. */
  site: Namespace;
  audit: RoomAudit;
}

/**
 * Socket.IO on the app's own HTTP server at `/socket.io`. Replicas share rooms and broadcasts
 * through a Redis stream, which also keeps what a dropped connection missed so it can be handed
 * over when the client comes back within the recovery window (on any replica). Every connection
 * authenticates at the handshake, recovered ones too, and joins its user's room and either the
 * agents' or the portal users' room.
 */
export function startRealtimeServer(
  httpServer: HttpServer,
  options: RealtimeOptions,
  adapterRedis: Redis,
  authenticator: SocketAuthenticator,
  audiences: TicketAudiences,
  audit: (nsp: Namespace) => RoomAudit,
  logger: Logger,
): RealtimeServer {
  const keys = realtimeKeys(options.namespace);
  const io = new Server(httpServer, {
    path: SOCKET_IO_PATH,
    serveClient: false,
    maxHttpBufferSize: MAX_MESSAGE_BYTES,
    ...(options.corsOrigins.length > 0
      ? { cors: { origin: options.corsOrigins, credentials: true } }
      : {}),
    adapter: createAdapter(adapterRedis, {
      streamName: keys.adapterStream,
      sessionKeyPrefix: keys.sessionPrefix,
    }),
    // 0 turns recovery off: a dropped client reconnects as new and reloads what it shows.
    ...(options.recoveryWindowMs > 0
      ? {
          connectionStateRecovery: {
            maxDisconnectionDuration: options.recoveryWindowMs,
            // Credentials are checked again on recovery: a revoked key does not come back.
            skipMiddlewares: false,
          },
        }
      : {}),
  });
  io.use((_socket, next) =>
    next(
      connectError(FrappeError.validation(`Connect to the site namespace /${options.siteName}`)),
    ),
  );
  const site = io.of(`/${options.siteName}`);
  site.use((socket, next) => {
    const correlationId = randomUUID();
    void (async () => {
      const { headers } = socket.handshake;
      const credentials = handshakeCredentials({
        auth: socket.handshake.auth as Record<string, unknown> | undefined,
        headers,
      });
      let viewer: Viewer;
      if ('pair' in credentials) {
        viewer = await authenticator.authenticate(credentials.pair, correlationId);
      } else {
        if (!sessionOriginAllowed(headers, options.corsOrigins))
          throw FrappeError.permission('Session handshakes are accepted from the site only');
        viewer = await authenticator.authenticateSession(credentials.sid, correlationId);
      }
      const data: SocketData = { viewer, correlationId };
      socket.data = data;
    })().then(
      () => next(),
      (error: unknown) => next(connectError(error)),
    );
  });
  const audits = audit(site);
  site.on('connection', (socket) => {
    const { viewer, correlationId } = socket.data as SocketData;
    void socket.join([userRoom(viewer.user), isAgentViewer(viewer) ? AGENTS_ROOM : PORTAL_ROOM]);
    registerClientEvents(socket, site, audiences, logger);
    // A recovered session comes back with its rooms: keep only those of tickets still readable.
    if (socket.recovered) {
      void audits.run({ socket: socket.id }, correlationId).catch((error: unknown) => {
        logger.warn({ msg: 'recovered rooms not checked; disconnecting', error: String(error) });
        socket.disconnect(true);
      });
    }
  });
  return { io, site, audit: audits };
}

/** The handshake's refusal, with Frappe's `exc_type` and message in the error's `data`. */
function connectError(error: unknown): Error & { data: Record<string, unknown> } {
  const frappe =
    error instanceof FrappeError
      ? error
      : new FrappeError('ServiceUnavailableError', 'Authentication is unavailable, try again');
  return Object.assign(new Error(frappe.message), {
    data: { exc_type: frappe.excType, message: frappe.message },
  });
}
