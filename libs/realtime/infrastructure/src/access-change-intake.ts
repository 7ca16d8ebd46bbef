import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { jetstream, jetstreamManager, type ConsumerMessages } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { PEOPLE_EVENTS_STREAM, PEOPLE_EVENTS_SUBJECT_PREFIX } from '@helpdesk/agent-contracts';
import {
  accessChangeOf,
  AGENTS_ROOM,
  isSettingsChange,
  PORTAL_ROOM,
  userRoom,
  type AccessEvent,
} from '@helpdesk/realtime-application';
import {
  ensureDurableConsumer,
  ensureEventStream,
  namespacedStream,
  namespacedSubject,
} from '@helpdesk/shared-messaging';
import {
  CATALOGUE_EVENTS_STREAM,
  CATALOGUE_EVENTS_SUBJECT_PREFIX,
} from '@helpdesk/ticket-contracts';
import type { Namespace } from 'socket.io';
import type { RoomAudit } from './room-audit.js';

/**
 * ticket-service learns people changes from the same events, a moment after they are published;
 * the rooms are checked again when its copy has surely caught up. Checking is idempotent.
 */
const RECHECK_AGAIN_MS = [2_000, 10_000];

/**
 * Changes to people (agent-service) and HD Settings (ticket-service) that alter who may read
 * what, acted on for connections already open: the user's sockets are disconnected, or the
 * ticket rooms re-checked. Each event is handled by one replica; what it does reaches sockets on
 * every replica through the adapter, and doing it twice changes nothing.
 */
export class AccessChangeIntake {
  private readonly consumers: ConsumerMessages[] = [];
  private readonly loops: Promise<void>[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly logger = new Logger('AccessChangeIntake');

  constructor(
    private readonly options: {
      namespace: string;
      nats: NatsConnection;
      nsp: Namespace;
      audit: RoomAudit;
    },
  ) {}

  async start(): Promise<void> {
    for (const [stream, prefix, durable] of [
      [PEOPLE_EVENTS_STREAM, PEOPLE_EVENTS_SUBJECT_PREFIX, 'realtime-people'],
      [CATALOGUE_EVENTS_STREAM, CATALOGUE_EVENTS_SUBJECT_PREFIX, 'realtime-settings'],
    ] as const) {
      const name = namespacedStream(this.options.namespace, stream);
      const subjects = namespacedSubject(this.options.namespace, `${prefix}.>`);
      const jsm = await jetstreamManager(this.options.nats);
      await ensureEventStream(jsm, { name, subjects: [subjects] });
      await ensureDurableConsumer(jsm, {
        stream: name,
        durable,
        filterSubject: subjects,
        ackWaitMs: 30_000,
        deliverFrom: 'now',
      });
      const messages = await (
        await jetstream(this.options.nats).consumers.get(name, durable)
      ).consume({
        max_messages: 64,
      });
      this.consumers.push(messages);
      this.loops.push(
        (async () => {
          for await (const message of messages) {
            try {
              await this.apply(message.json<AccessEvent>());
              message.ack();
            } catch (error) {
              this.logger.warn({ msg: 'access change not applied yet', error: String(error) });
              message.nak(2_000);
            }
          }
        })(),
      );
    }
  }

  async stop(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    for (const messages of this.consumers) await messages.close();
    await Promise.all(this.loops);
  }

  private async apply(event: AccessEvent): Promise<void> {
    const { nsp, audit } = this.options;
    if (isSettingsChange(event))
      nsp.to([AGENTS_ROOM, PORTAL_ROOM]).emit('helpdesk:settings-updated');
    const change = accessChangeOf(event);
    if (!change) return;
    if (change.kind === 'reconnect') {
      nsp.in(change.users.map(userRoom)).disconnectSockets(true);
      return;
    }
    const correlationId = randomUUID();
    await audit.run({ users: change.users }, correlationId);
    for (const delay of RECHECK_AGAIN_MS) {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        void audit.run({ users: change.users }, correlationId).catch(() => undefined);
      }, delay);
      timer.unref();
      this.timers.add(timer);
    }
  }
}
