import { Logger } from '@nestjs/common';
import { inTransaction, withConnection } from '@helpdesk/shared-event-store';
import type { SlaPolicies, TicketSlaClock } from '@helpdesk/sla-application';
import type { SlaEventV1 } from '@helpdesk/sla-contracts';
import { Queue, Worker, type Job } from 'bullmq';
import type { DataSource } from 'typeorm';
import { queueOptions, workerOptions } from '@helpdesk/shared-messaging';
import type { DeadlineTimers } from './deadline-timers.js';
import type { ReckoningDispatcher } from './reckoning-dispatcher.js';

export const RECOMPUTE_QUEUE = 'sla-recompute';

interface RecomputeJob {
  /** The SLAs whose open tickets are reckoned again. */
  agreements: string[];
  /** The last ticket done, so a job taken over after a crash goes on from there. */
  after: number;
  actor: string;
  correlationId: string | null;
}

const BATCH = 200;

/**
 * A changed or deleted SLA, or a changed holiday list, reckons again every open ticket on the
 * SLAs concerned (Frappe re-saves them: helpdesk-behaviour §1.2). One BullMQ job per SLA event
 * (`recompute-<event id>`, so a redelivered event adds nothing), working through the tickets in
 * batches and remembering how far it got.
 */
export class RecomputeJobs {
  private readonly queue: Queue<RecomputeJob>;
  private worker: Worker<RecomputeJob> | undefined;
  private readonly logger = new Logger('RecomputeJobs');

  constructor(
    private readonly dataSource: DataSource,
    private readonly policies: SlaPolicies,
    private readonly clock: TicketSlaClock,
    private readonly dispatcher: ReckoningDispatcher,
    private readonly timers: DeadlineTimers,
    private readonly redis: { url: string; namespace: string },
  ) {
    this.queue = new Queue<RecomputeJob>(RECOMPUTE_QUEUE, queueOptions(redis.url, redis.namespace));
  }

  start(): void {
    this.worker = new Worker<RecomputeJob>(
      RECOMPUTE_QUEUE,
      (job) => this.run(job),
      workerOptions(this.redis.url, this.redis.namespace, 1),
    );
    this.worker.on('failed', (job, error) =>
      this.logger.error(`recompute job ${job?.id ?? '?'} failed: ${error.message}`),
    );
  }

  /** Queues the recomputation an SLA event calls for (none for a new document). */
  async enqueueFor(event: SlaEventV1): Promise<void> {
    const agreements = await this.agreementsConcerned(event);
    if (agreements.length === 0) return;
    await this.queue.add(
      'recompute',
      {
        agreements,
        after: 0,
        actor: event.actor ?? 'Administrator',
        correlationId: event.correlationId,
      },
      {
        jobId: `recompute-${event.id}`,
        attempts: 10,
        backoff: { type: 'exponential', delay: 1_000 },
        removeOnComplete: 1_000,
        removeOnFail: 1_000,
      },
    );
  }

  async close(): Promise<void> {
    await this.worker?.close();
    await this.queue.close();
  }

  private async agreementsConcerned(event: SlaEventV1): Promise<string[]> {
    switch (event.type) {
      case 'helpdesk.sla.v1.agreement-saved':
        return event.version === 1 ? [] : [event.name];
      case 'helpdesk.sla.v1.agreement-deleted':
        return [event.name];
      case 'helpdesk.sla.v1.holiday-list-saved': {
        const catalogue = await withConnection(this.dataSource, (sql) => this.policies.load(sql));
        return catalogue.agreements
          .filter((agreement) => agreement.holiday_list === event.name)
          .map((agreement) => agreement.name);
      }
      default:
        return [];
    }
  }

  private async run(job: Job<RecomputeJob>): Promise<void> {
    let { after } = job.data;
    for (;;) {
      const tickets = await this.openTickets(job.data.agreements, after);
      if (tickets.length === 0) return;
      for (const ticket of tickets) {
        await inTransaction(this.dataSource, (sql) =>
          this.clock.reckonAgain(sql, ticket, {
            actor: job.data.actor,
            correlationId: job.data.correlationId,
          }),
        );
        await this.dispatcher.dispatch(ticket);
        await this.timers.sync(ticket);
      }
      after = tickets[tickets.length - 1] ?? after;
      await job.updateData({ ...job.data, after });
    }
  }

  private async openTickets(agreements: readonly string[], after: number): Promise<number[]> {
    const { rows } = await withConnection(this.dataSource, (sql) =>
      sql.query<{ ticket: string }>(
        `SELECT ticket FROM sla.ticket_clock
          WHERE sla = ANY($1) AND open AND NOT deleted AND ticket > $2
          ORDER BY ticket LIMIT $3`,
        [agreements, after, BATCH],
      ),
    );
    return rows.map((row) => Number(row.ticket));
  }
}
