import { DeliverPolicy, jetstream, type ConsumerMessages } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { formatFrappeDatetime } from '@helpdesk/shared-frappe-api';
import { namespacedStream, namespacedSubject } from '@helpdesk/shared-messaging';
import {
  TICKET_EVENTS_STREAM,
  TICKET_EVENTS_SUBJECT_PREFIX,
  type TicketEventV1,
} from '@helpdesk/ticket-contracts';

/**
 * An ordered consumer of the running stack's ticket events from now on, noting when each
 * priority change arrived, keyed like the socket receipts (`<ticket>|<modified>`): the point
 * between ticket-service's commit and realtime's fan-out.
 */
export class EventTap {
  private constructor(
    /** When each `<ticket>|<modified>` priority change arrived here. */
    readonly arrivals: Map<string, number>,
    private readonly nats: NatsConnection,
    private readonly messages: ConsumerMessages,
    private readonly loop: Promise<void>,
  ) {}

  static async start(natsUrl: string, namespace: string, timeZone: string): Promise<EventTap> {
    const nats = await connect({ servers: natsUrl, name: 'bench-event-tap' });
    const consumer = await jetstream(nats).consumers.get(
      namespacedStream(namespace, TICKET_EVENTS_STREAM),
      {
        // One subject as a string: NATS servers before 2.10 take no list.
        filter_subjects: namespacedSubject(
          namespace,
          `${TICKET_EVENTS_SUBJECT_PREFIX}.priority-changed`,
        ),
        deliver_policy: DeliverPolicy.New,
      },
    );
    const messages = await consumer.consume();
    const arrivals = new Map<string, number>();
    const loop = (async () => {
      for await (const message of messages) {
        const at = performance.now();
        const event = message.json<TicketEventV1>();
        const modified = formatFrappeDatetime(new Date(event.occurredAt), timeZone);
        arrivals.set(`${event.ticket}|${modified}`, at);
      }
    })();
    return new EventTap(arrivals, nats, messages, loop);
  }

  async stop(): Promise<void> {
    await this.messages.close();
    await this.loop;
    await this.nats.close();
  }
}
