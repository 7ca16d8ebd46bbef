import { jetstream, jetstreamManager, type ConsumerMessages } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import {
  ensureDurableConsumer,
  ensureEventStream,
  namespacedStream,
  namespacedSubject,
} from '@helpdesk/shared-messaging';
import {
  TICKET_EVENTS_STREAM,
  TICKET_EVENTS_SUBJECT_PREFIX,
  type TicketEventV1,
} from '@helpdesk/ticket-contracts';
import { epochNow, TicketArrivals } from './ticket-arrivals.js';

const DURABLE = 'bench-transport';

/**
 * The transport alone: a durable pull consumer of the namespace's ticket events, made like
 * metrics-worker's intake (same stream and consumer settings, 64 messages pulled at a time),
 * that parses and acknowledges each message and notes when each ticket's agent reply arrived.
 */
export class TransportConsumer {
  private constructor(
    /** When each ticket's agent reply was delivered here. */
    readonly answers: TicketArrivals,
    private readonly nats: NatsConnection,
    private readonly messages: ConsumerMessages,
    private readonly loop: Promise<void>,
  ) {}

  static async start(natsUrl: string, namespace: string): Promise<TransportConsumer> {
    const nats = await connect({ servers: natsUrl, name: 'bench-transport-consumer' });
    const stream = namespacedStream(namespace, TICKET_EVENTS_STREAM);
    const subjects = namespacedSubject(namespace, `${TICKET_EVENTS_SUBJECT_PREFIX}.>`);
    const jsm = await jetstreamManager(nats);
    await ensureEventStream(jsm, { name: stream, subjects: [subjects] });
    await ensureDurableConsumer(jsm, {
      stream,
      durable: DURABLE,
      filterSubject: subjects,
      ackWaitMs: 15_000,
    });
    const consumer = await jetstream(nats).consumers.get(stream, DURABLE);
    const messages = await consumer.consume({ max_messages: 64 });
    const answers = new TicketArrivals();
    const loop = (async () => {
      for await (const message of messages) {
        const arrivedAt = epochNow();
        const event = message.json<TicketEventV1>();
        if (event.type.endsWith('.agent-replied')) answers.record(event.ticket, arrivedAt);
        message.ack();
      }
    })();
    return new TransportConsumer(answers, nats, messages, loop);
  }

  async stop(): Promise<void> {
    await this.messages.close();
    await this.loop;
    await this.nats.drain();
  }
}
