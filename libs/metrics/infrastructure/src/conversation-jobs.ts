import { Logger } from '@nestjs/common';
import type { TicketConversationChange } from '@helpdesk/metrics-application';
import type { ConversationFact } from '@helpdesk/metrics-domain';
import { queueOptions, workerOptions } from '@helpdesk/shared-messaging';
import { Queue, Worker, type Job } from 'bullmq';
import type { ResponseMetricsDispatcher } from './response-metrics-dispatcher.js';
import type { TicketConversations } from './ticket-conversations.js';

export const CONVERSATION_QUEUE = 'metrics-conversations';

/** A fact as JSON carries it: instants as ISO-8601 text. */
type StoredFact =
  | {
      type: 'message';
      id: string;
      direction: 'received' | 'sent';
      at: string;
      position: number;
    }
  | { type: 'moved-away'; ids: string[] };

type ConversationJob =
  | {
      kind: 'ticket-event';
      ticket: number;
      facts: StoredFact[];
      sla?: { name: string | null; version: number };
      deleted?: true;
    }
  | { kind: 'calendar'; slas: string[] };

const RECOMPUTE_BATCH = 500;

/**
 * The metrics workers: one BullMQ job per ticket event (id `ticket-event-<event id>`) applies its
 * change to the ticket's conversation copy and sends the new figures; one job per SLA event
 * (`calendar-<event id>`) computes again the figures of every ticket on the SLAs it changed.
 * Applying is idempotent and order-free, so a job run twice, or by another worker after this one
 * was killed (locks last 10 s), leaves the same figures and sends them once more at most.
 */
export class ConversationJobs {
  private readonly queue: Queue<ConversationJob>;
  private worker: Worker<ConversationJob> | undefined;
  private readonly logger = new Logger('ConversationJobs');

  constructor(
    private readonly conversations: TicketConversations,
    private readonly dispatcher: ResponseMetricsDispatcher,
    private readonly redis: { url: string; namespace: string; concurrency: number },
    private readonly onDone?: (kind: ConversationJob['kind']) => void,
  ) {
    this.queue = new Queue<ConversationJob>(
      CONVERSATION_QUEUE,
      queueOptions(redis.url, redis.namespace),
    );
  }

  start(): void {
    this.worker = new Worker<ConversationJob>(
      CONVERSATION_QUEUE,
      (job) => this.run(job),
      workerOptions(this.redis.url, this.redis.namespace, this.redis.concurrency),
    );
    this.worker.on('failed', (job, error) =>
      this.logger.warn(
        `job ${job?.id ?? '?'} failed (attempt ${job?.attemptsMade}): ${error.message}`,
      ),
    );
  }

  /** Queues a ticket event's change; the same event queued again is the same job. */
  async enqueueTicketChange(eventId: string, change: TicketConversationChange): Promise<void> {
    const facts = change.facts.map((fact): StoredFact =>
      fact.type === 'message'
        ? { ...fact, at: fact.at.toISOString() }
        : { type: 'moved-away', ids: [...fact.ids] },
    );
    const job: ConversationJob = {
      kind: 'ticket-event',
      ticket: change.ticket,
      facts,
      ...(change.sla ? { sla: change.sla } : {}),
      ...(change.deleted ? { deleted: true as const } : {}),
    };
    await this.queue.add('ticket-event', job, { jobId: `ticket-event-${eventId}`, ...RETRIES });
  }

  /** Queues the recomputation of the tickets on SLAs whose calendar an SLA event changed. */
  async enqueueCalendarChange(eventId: string, slas: string[]): Promise<void> {
    if (slas.length === 0) return;
    await this.queue.add(
      'calendar',
      { kind: 'calendar', slas },
      { jobId: `calendar-${eventId}`, ...RETRIES },
    );
  }

  async close(): Promise<void> {
    await this.worker?.close();
    await this.queue.close();
  }

  private async run(job: Job<ConversationJob>): Promise<void> {
    const data = job.data;
    if (data.kind === 'ticket-event') {
      const owed = await this.conversations.apply({
        ticket: data.ticket,
        facts: data.facts.map((fact): ConversationFact =>
          fact.type === 'message' ? { ...fact, at: new Date(fact.at) } : fact,
        ),
        ...(data.sla ? { sla: data.sla } : {}),
        ...(data.deleted ? { deleted: true as const } : {}),
      });
      if (owed) await this.dispatcher.dispatch(data.ticket);
    } else {
      let after = 0;
      for (;;) {
        const tickets = await this.conversations.onAgreements(data.slas, after, RECOMPUTE_BATCH);
        if (tickets.length === 0) break;
        for (const ticket of tickets) {
          if (await this.conversations.recompute(ticket)) await this.dispatcher.dispatch(ticket);
        }
        after = tickets[tickets.length - 1] ?? after;
        await job.updateProgress({ after });
      }
    }
    this.onDone?.(data.kind);
  }
}

/** A failing job (ticket-service away) is tried again with growing pauses, then kept for a look. */
const RETRIES = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 500 },
  removeOnComplete: { age: 3600, count: 100_000 },
  removeOnFail: 10_000,
} as const;
