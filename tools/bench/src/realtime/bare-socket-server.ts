import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';

/**
 * The baseline: a Socket.IO server with no adapter, no authentication and no permission check,
 * whose clients join the room they ask for; the bench tells it to emit straight to a room.
 */
export class BareSocketServer {
  private constructor(
    private readonly http: HttpServer,
    private readonly io: Server,
    readonly url: string,
  ) {}

  static async start(): Promise<BareSocketServer> {
    const http = createServer();
    const io = new Server(http, { path: '/socket.io', serveClient: false });
    io.on('connection', (socket) => {
      socket.on('join', async (room: string, ack: (reply: unknown) => void) => {
        await socket.join(room);
        ack({ ok: true });
      });
    });
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    const { port } = http.address() as AddressInfo;
    return new BareSocketServer(http, io, `http://127.0.0.1:${port}`);
  }

  emit(room: string, event: string, payload: Record<string, unknown>): void {
    this.io.to(room).emit(event, payload);
  }

  async close(): Promise<void> {
    this.io.disconnectSockets(true);
    await new Promise<void>((resolve) => this.io.close(() => resolve()));
    this.http.closeAllConnections();
  }
}
