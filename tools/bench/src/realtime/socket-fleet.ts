import { io, type Socket } from 'socket.io-client';

const CONNECT_BATCH = 100;

export interface FleetOptions {
  /** Base URL and Socket.IO path of the server; `namespace` includes its leading slash. */
  url: string;
  namespace: string;
  token?: string;
  sockets: number;
  /** Which room each socket asks to join: `join(socket, index)` resolves once it is in. */
  join: (socket: Socket, index: number) => Promise<void>;
  /** Called for every `event` any socket receives, with the time it arrived. */
  event: string;
  onReceipt: (payload: Record<string, unknown>, at: number) => void;
  signal: AbortSignal;
}

/** N Socket.IO clients over WebSocket, connected and joined in batches so the server is not stormed. */
export class SocketFleet {
  private constructor(private readonly sockets: Socket[]) {}

  static async connect(options: FleetOptions): Promise<SocketFleet> {
    const sockets: Socket[] = [];
    const fleet = new SocketFleet(sockets);
    try {
      for (let start = 0; start < options.sockets; start += CONNECT_BATCH) {
        if (options.signal.aborted) throw new Error('interrupted');
        const batch = Array.from(
          { length: Math.min(CONNECT_BATCH, options.sockets - start) },
          (_, i) => start + i,
        );
        await Promise.all(
          batch.map(async (index) => {
            const socket = io(`${options.url}${options.namespace}`, {
              path: '/socket.io',
              transports: ['websocket'],
              reconnection: false,
              forceNew: true,
              ...(options.token ? { auth: { token: options.token } } : {}),
            });
            sockets.push(socket);
            socket.on(options.event, (payload: Record<string, unknown>) =>
              options.onReceipt(payload, performance.now()),
            );
            await new Promise<void>((resolve, reject) => {
              socket.once('connect', () => resolve());
              socket.once('connect_error', reject);
            });
            await options.join(socket, index);
          }),
        );
      }
      return fleet;
    } catch (error) {
      fleet.close();
      throw error;
    }
  }

  get size(): number {
    return this.sockets.length;
  }

  close(): void {
    for (const socket of this.sockets) socket.disconnect();
  }
}
