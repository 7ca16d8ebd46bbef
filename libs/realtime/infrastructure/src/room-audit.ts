import { mayRead, userRoom, watchedTicket } from '@helpdesk/realtime-application';
import type { TicketAudienceV1 } from '@helpdesk/ticket-contracts';
import type { Namespace } from 'socket.io';
import type { SocketData } from './client-events.js';
import type { TicketAudiences } from './ticket-audiences.js';

/**
 * Checks sockets on every replica against who may read the tickets they watch now, and takes
 * them out of the rooms of tickets they may no longer read. Run after changes that can take a
 * right away without touching the ticket (teams, HD Settings, a recovered session).
 */
export class RoomAudit {
  constructor(
    private readonly nsp: Namespace,
    private readonly audiences: TicketAudiences,
  ) {}

  /** `users`: only their sockets; `everyone`: all; a socket id: that one. */
  async run(
    scope: { users: string[] | 'everyone' } | { socket: string },
    correlationId: string,
  ): Promise<number> {
    const target =
      'socket' in scope
        ? this.nsp.in(scope.socket)
        : scope.users === 'everyone'
          ? this.nsp
          : this.nsp.in(scope.users.map(userRoom));
    const sockets = await target.fetchSockets();
    const audiences = new Map<number, Promise<TicketAudienceV1>>();
    const audienceOf = (ticket: number) => {
      let audience = audiences.get(ticket);
      if (!audience) audiences.set(ticket, (audience = this.audiences.of(ticket, correlationId)));
      return audience;
    };
    let dropped = 0;
    for (const socket of sockets) {
      const { viewer } = socket.data as SocketData;
      const lost: string[] = [];
      for (const room of socket.rooms) {
        const ticket = watchedTicket(room);
        if (ticket !== undefined && !mayRead(await audienceOf(ticket), viewer)) lost.push(room);
      }
      if (lost.length > 0) {
        this.nsp.in(socket.id).socketsLeave(lost);
        dropped += lost.length;
      }
    }
    return dropped;
  }
}
