import { connect, type NatsConnection } from '@nats-io/transport-node';
import { namespacedSubject, type RpcRequest } from '@helpdesk/shared-messaging';
import {
  TicketSubjects,
  type AppliedResponseMetrics,
  type ApplyResponseMetricsDto,
} from '@helpdesk/ticket-contracts';
import { epochNow, TicketArrivals } from './ticket-arrivals.js';

/** What Nest's NATS transport sends: the pattern, the payload and the request's id. */
interface NestPacket {
  id: string;
  data: RpcRequest<ApplyResponseMetricsDto>;
}

/**
 * Answers metrics-worker's `ticket.command.apply-response-metrics` in place of ticket-service,
 * at once and always `{applied: true}`, in Nest's reply format (`{response, isDisposed, id}`), so
 * the bench measures the worker rather than ticket-service. Notes when each ticket's figures
 * first arrived.
 */
export class TicketServiceStandIn {
  readonly figures = new TicketArrivals();
  /** Every request answered, repeats included. */
  requests = 0;

  private constructor(private readonly nats: NatsConnection) {}

  static async start(natsUrl: string, namespace: string): Promise<TicketServiceStandIn> {
    const nats = await connect({ servers: natsUrl, name: 'bench-ticket-service-stand-in' });
    const standIn = new TicketServiceStandIn(nats);
    nats.subscribe(namespacedSubject(namespace, TicketSubjects.applyResponseMetrics), {
      callback: (error, message) => {
        if (error) return;
        const receivedAt = epochNow();
        const packet = message.json<NestPacket>();
        standIn.figures.record(packet.data.body.ticket, receivedAt);
        standIn.requests += 1;
        const response: AppliedResponseMetrics = { applied: true };
        message.respond(JSON.stringify({ response, isDisposed: true, id: packet.id }));
      },
    });
    await nats.flush();
    return standIn;
  }

  async close(): Promise<void> {
    await this.nats.drain();
  }
}
