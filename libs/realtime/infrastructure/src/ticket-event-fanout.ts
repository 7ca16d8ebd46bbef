import { Logger } from '@nestjs/common';
import { jetstream, jetstreamManager, type ConsumerMessages, type JsMsg } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import {
  docRoom,
  mayChangeReaders,
  mayRead,
  TICKET_DOCTYPE,
  ticketEmissions,
  ticketRoom,
  type Emission,
} from '@helpdesk/realtime-application';
import {
  ensureDurableConsumer,
  ensureEventStream,
  namespacedStream,
  namespacedSubject,
} from '@helpdesk/shared-messaging';
import {
  TICKET_EVENTS_STREAM,
  TICKET_EVENTS_SUBJECT_PREFIX,
  type TicketAudienceV1,
  type TicketEventV1,
} from '@helpdesk/ticket-contracts';
import type { Namespace } from 'socket.io';
import type { SocketData } from './client-events.js';
import type { FannedOutEvents } from './fanned-out-events.js';
import type { TicketAudiences } from './ticket-audiences.js';

/** The replicas share this durable consumer: each committed event is fanned out by one of them. */
export const TICKET_FANOUT_DURABLE = 'realtime-tickets';

export interface TicketEventFanoutOptions {
  namespace: string;
  nats: NatsConnection;
  nsp: Namespace;
  audiences: TicketAudiences;
  fannedOut: FannedOutEvents;
  timeZone: string;
  concurrency: number;
  /** Told of every event emitted or skipped (metrics and tests). */
  onFannedOut?: (event: TicketEventV1, emissions: number) => void;
}

/**
 * Feeds Socket.IO from the committed ticket events only: for each one, asks ticket-service who
 * may read the ticket now, drops watchers who lost that right, and broadcasts through the Redis
 * adapter, which carries it to the sockets on every replica. Events of one ticket go out in order
 * on a replica; an event is acknowledged after it went out and is never fanned out twice.
 */
export class TicketEventFanout {
  private messages: ConsumerMessages | undefined;
  private loop: Promise<void> | undefined;
  private readonly tickets = new Map<number, Promise<void>>();
  private readonly logger = new Logger('TicketEventFanout');

  constructor(private readonly options: TicketEventFanoutOptions) {}

  async start(): Promise<void> {
    const { namespace, nats } = this.options;
    const stream = namespacedStream(namespace, TICKET_EVENTS_STREAM);
    const subjects = namespacedSubject(namespace, `${TICKET_EVENTS_SUBJECT_PREFIX}.>`);
    const jsm = await jetstreamManager(nats);
    await ensureEventStream(jsm, { name: stream, subjects: [subjects] });
    await ensureDurableConsumer(jsm, {
      stream,
      durable: TICKET_FANOUT_DURABLE,
      filterSubject: subjects,
      ackWaitMs: 15_000,
      deliverFrom: 'now',
      maxAckPending: 4_000,
    });
    const consumer = await jetstream(nats).consumers.get(stream, TICKET_FANOUT_DURABLE);
    const messages = await consumer.consume({ max_messages: 512 });
    this.messages = messages;
    this.loop = (async () => {
      const inFlight = new Set<Promise<void>>();
      for await (const message of messages) {
        const work: Promise<void> = this.inTicketOrder(message).finally(() =>
          inFlight.delete(work),
        );
        inFlight.add(work);
        if (inFlight.size >= this.options.concurrency) await Promise.race(inFlight);
      }
      await Promise.all(inFlight);
    })();
  }

  async stop(): Promise<void> {
    await this.messages?.close();
    await this.loop;
  }

  /** Events of one ticket wait for the one before them on this replica; garbage is dropped. */
  private inTicketOrder(message: JsMsg): Promise<void> {
    const event = readEvent(message);
    if (!event) {
      this.logger.warn({ msg: 'dropped a ticket event that is not one', subject: message.subject });
      message.term();
      return Promise.resolve();
    }
    const previous = this.tickets.get(event.ticket) ?? Promise.resolve();
    const next = previous.then(() => this.process(message, event));
    this.tickets.set(event.ticket, next);
    void next.finally(() => {
      if (this.tickets.get(event.ticket) === next) this.tickets.delete(event.ticket);
    });
    return next;
  }

  private async process(message: JsMsg, event: TicketEventV1): Promise<void> {
    const { fannedOut } = this.options;
    const claim = await fannedOut.claim(event.id).catch(() => 'busy' as const);
    if (claim === 'done') return message.ack();
    if (claim === 'busy') return message.nak(1_000);
    try {
      const audience = await this.options.audiences.of(
        event.ticket,
        event.correlationId ?? event.id,
      );
      const emissions = ticketEmissions(event, { audience, timeZone: this.options.timeZone });
      if (!audience.exists) {
        // Gone: those watching hear of it (they were entitled when they joined), then leave.
        for (const emission of emissions) this.emit(emission);
        this.options.nsp.in(watchRooms(event.ticket)).socketsLeave(watchRooms(event.ticket));
      } else {
        if (mayChangeReaders(event)) await this.dropLostReaders(event.ticket, audience);
        for (const emission of emissions) this.emit(emission);
      }
      await fannedOut.done(event.id);
      message.ack();
      this.options.onFannedOut?.(event, emissions.length);
    } catch (error) {
      this.logger.warn({
        msg: 'fan-out failed; redelivered',
        event: event.id,
        error: String(error),
      });
      await fannedOut.release(event.id).catch(() => undefined);
      message.nak(Math.min(2 ** message.info.deliveryCount * 100, 5_000));
    }
  }

  private emit(emission: Emission): void {
    // An empty room list would broadcast to everyone connected.
    if (emission.to.length === 0) return;
    let target = this.options.nsp.to(emission.to);
    if (emission.except.length > 0) target = target.except(emission.except);
    target.emit(emission.event, emission.payload);
  }

  /** Sockets on any replica watching a ticket their user may no longer read leave its rooms. */
  private async dropLostReaders(ticket: number, audience: TicketAudienceV1): Promise<void> {
    const rooms = watchRooms(ticket);
    const sockets = await this.options.nsp.in(rooms).fetchSockets();
    for (const socket of sockets) {
      if (!mayRead(audience, (socket.data as SocketData).viewer)) {
        this.options.nsp.in(socket.id).socketsLeave(rooms);
      }
    }
  }
}

function watchRooms(ticket: number): string[] {
  return [ticketRoom(ticket), docRoom(TICKET_DOCTYPE, ticket)];
}

function readEvent(message: JsMsg): TicketEventV1 | undefined {
  try {
    const event = message.json<TicketEventV1>();
    return typeof event?.id === 'string' && Number.isSafeInteger(event.ticket) ? event : undefined;
  } catch {
    return undefined;
  }
}
