import {
  AckPolicy,
  DeliverPolicy,
  JetStreamApiError,
  RetentionPolicy,
  StorageType,
  type JetStreamManager,
} from '@nats-io/jetstream';
import { nanos } from '@nats-io/transport-node';

export interface EventStreamSpec {
  name: string;
  subjects: string[];
  /** Window in which a repeated `Nats-Msg-Id` is dropped by the server. */
  duplicateWindowMs?: number;
  maxAgeMs?: number;
}

const DAY_MS = 86_400_000;

function isNotFound(error: unknown): boolean {
  return (
    error instanceof JetStreamApiError && (error.code === 404 || /not found/i.test(error.message))
  );
}

/** Creates the stream, or brings an existing one's subjects and limits in line; safe at every start. */
export async function ensureEventStream(
  jsm: JetStreamManager,
  spec: EventStreamSpec,
): Promise<void> {
  const config = {
    subjects: spec.subjects,
    retention: RetentionPolicy.Limits,
    storage: StorageType.File,
    duplicate_window: nanos(spec.duplicateWindowMs ?? 120_000),
    max_age: nanos(spec.maxAgeMs ?? 14 * DAY_MS),
  };
  try {
    await jsm.streams.info(spec.name);
    await jsm.streams.update(spec.name, config);
  } catch (error) {
    if (!isNotFound(error)) throw error;
    await jsm.streams.add({ name: spec.name, ...config });
  }
}

export interface DurableConsumerSpec {
  stream: string;
  durable: string;
  filterSubject: string;
  ackWaitMs?: number;
  /**
   * Where a new consumer starts: the whole stream (default; state is built from it) or only what
   * is published from now on (notifications, where old events concern nobody connected).
   */
  deliverFrom?: 'start' | 'now';
  maxAckPending?: number;
}

/** Creates a durable pull consumer with explicit acks if it does not exist yet. */
export async function ensureDurableConsumer(
  jsm: JetStreamManager,
  spec: DurableConsumerSpec,
): Promise<void> {
  try {
    await jsm.consumers.info(spec.stream, spec.durable);
  } catch (error) {
    if (!isNotFound(error)) throw error;
    await jsm.consumers.add(spec.stream, {
      durable_name: spec.durable,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: spec.deliverFrom === 'now' ? DeliverPolicy.New : DeliverPolicy.All,
      filter_subject: spec.filterSubject,
      ack_wait: nanos(spec.ackWaitMs ?? 30_000),
      max_ack_pending: spec.maxAckPending ?? 1_000,
    });
  }
}
