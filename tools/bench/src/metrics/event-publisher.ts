import { performance } from 'node:perf_hooks';
import type { JetStreamClient } from '@nats-io/jetstream';
import { replyEvent, replyOf } from './reply-events.js';
import { epochNow } from './ticket-arrivals.js';

export interface PublishedRun {
  events: number;
  /** When the first event was sent (`epochNow`). */
  startedAt: number;
  /** Events per second from the first send to the last. */
  achievedPerSecond: number;
  /** When each ticket's agent reply was sent: its `occurredAt`, with the millisecond's fraction. */
  answeredAt: Map<number, number>;
  errors: number;
  firstError: string | undefined;
}

export interface PublishPlan {
  firstTicket: number;
  tickets: number;
  /** Events per second offered; Infinity sends the whole run as fast as JetStream acknowledges. */
  ratePerSecond: number;
}

const MAX_UNPACED_IN_FLIGHT = 512;

/**
 * Publishes the replies of `plan.tickets` tickets to JetStream, open loop: event k is sent when
 * its turn at `ratePerSecond` comes, whether or not earlier ones were acknowledged, stamped with
 * the instant it was sent (for the bench, the instant ticket-service committed it).
 */
export async function publishReplies(
  js: JetStreamClient,
  namespace: string,
  plan: PublishPlan,
  signal: AbortSignal,
): Promise<PublishedRun> {
  const total = plan.tickets * 2;
  const answeredAt = new Map<number, number>();
  const acks = new Set<Promise<void>>();
  let errors = 0;
  let firstError: string | undefined;
  const askedAt = new Map<number, number>();
  const send = (k: number): void => {
    const { ticket, kind } = replyOf(plan.firstTicket, plan.tickets, k);
    const sentAt = epochNow();
    // The metrics order messages of the same millisecond by id, so an answer sent in its
    // question's millisecond (a backlog sent at full speed) is stamped one millisecond later.
    const stamp = Math.max(Math.floor(sentAt), (askedAt.get(ticket) ?? -Infinity) + 1);
    const { subject, event } = replyEvent(namespace, ticket, kind, stamp);
    if (kind === 'customer-replied') askedAt.set(ticket, stamp);
    else answeredAt.set(ticket, sentAt);
    const ack: Promise<void> = js
      .publish(subject, JSON.stringify(event), { msgID: event.id })
      .then(
        () => undefined,
        (error: Error) => {
          errors += 1;
          firstError ??= error.message;
        },
      )
      .finally(() => acks.delete(ack));
    acks.add(ack);
  };

  const startedAt = performance.now();
  const startedAtEpoch = epochNow();
  let sent = 0;
  let lastSentAt = startedAt;
  while (sent < total && !signal.aborted) {
    const due = Number.isFinite(plan.ratePerSecond)
      ? Math.min(
          total,
          Math.floor(((performance.now() - startedAt) * plan.ratePerSecond) / 1000) + 1,
        )
      : Math.min(total, sent + MAX_UNPACED_IN_FLIGHT - acks.size);
    for (; sent < due; sent += 1) send(sent);
    lastSentAt = performance.now();
    if (sent < total) {
      await (Number.isFinite(plan.ratePerSecond)
        ? new Promise((resolve) => setTimeout(resolve, 1))
        : Promise.race(acks));
    }
  }
  await Promise.all(acks);
  const spanSeconds = (lastSentAt - startedAt) / 1000;
  return {
    events: sent,
    startedAt: startedAtEpoch,
    achievedPerSecond: spanSeconds > 0 ? (sent - 1) / spanSeconds : Number.NaN,
    answeredAt,
    errors,
    firstError,
  };
}
