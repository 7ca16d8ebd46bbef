import { Logger } from '@nestjs/common';
import { withConnection, type Sql } from '@helpdesk/shared-event-store';
import { FrappeError } from '@helpdesk/shared-frappe-api';
import { queueOptions, workerOptions } from '@helpdesk/shared-messaging';
import {
  autoCloseContext,
  type CatalogueReadModel,
  type CloseInactiveTicketHandler,
} from '@helpdesk/ticket-application';
import {
  autoCloseDueAt,
  autoCloseSettingsOf,
  type AutoCloseSettings,
} from '@helpdesk/ticket-domain';
import { Queue, Worker, type Job } from 'bullmq';
import type { DataSource } from 'typeorm';
import {
  candidatesAfter,
  scheduledTicket,
  staleTimersAfter,
  type ScheduledTicket,
} from './auto-close-candidates.js';

export const AUTO_CLOSE_QUEUE = 'ticket-auto-close';

/** The job closing one ticket when it is due, and the one rescheduling every ticket. */
const CLOSE = 'close';
const RESCHEDULE_ALL = 'reschedule-all';

interface CloseJob {
  ticket: number;
  /** The due time (epoch ms) the job was scheduled for. */
  dueAt: number;
}

interface RescheduleAllJob {
  reason: string;
}

export type AutoCloseJob = CloseJob | RescheduleAllJob;

/** A due time passes a moment after its instant: Frappe closes only what is strictly older. */
const PAST_THE_DUE_TIME_MS = 1_000;
const BATCH = 500;

export interface AutoCloseTimersOptions {
  dataSource: DataSource;
  catalogues: CatalogueReadModel;
  close: CloseInactiveTicketHandler;
  redis: { url: string; namespace: string };
  /** The clock due times are measured against; the system clock unless a test moves it. */
  now?: () => Date;
}

/**
 * HD Settings' auto-close as BullMQ delayed jobs: one per ticket that auto-close applies to
 * (`auto-close-<ticket>-<epoch ms of the due time>`), due when its latest Communication is N
 * days old. When it fires, the ticket is decided again as it is then and closed or left alone,
 * so a job left over from an earlier state does nothing. A moved due time replaces the job
 * (`auto_close_timer` remembers which one is in place); adding the same one twice is harmless,
 * and `rescheduleAll` rebuilds every job from the read model (at start, after a Redis flush,
 * after a settings change). A ticket that fails is logged and skipped; the others go on.
 */
export class AutoCloseTimers {
  private readonly queue: Queue<AutoCloseJob>;
  private worker: Worker<AutoCloseJob> | undefined;
  private readonly now: () => Date;
  private readonly logger = new Logger('AutoCloseTimers');

  constructor(private readonly options: AutoCloseTimersOptions) {
    const { redis } = options;
    this.queue = new Queue<AutoCloseJob>(
      AUTO_CLOSE_QUEUE,
      queueOptions(redis.url, redis.namespace),
    );
    this.now = options.now ?? (() => new Date());
  }

  start(): void {
    const { redis } = this.options;
    this.worker = new Worker<AutoCloseJob>(
      AUTO_CLOSE_QUEUE,
      (job) => this.process(job),
      workerOptions(redis.url, redis.namespace, 8),
    );
    this.worker.on('failed', (job, error) =>
      this.logger.error(`auto-close job ${job?.id ?? '?'} failed: ${error.message}`),
    );
  }

  /** Makes the ticket's job match its current status, latest Communication and the settings. */
  async sync(ticket: number): Promise<void> {
    const { current, settings } = await withConnection(this.options.dataSource, async (sql) => ({
      settings: await this.settings(sql),
      current: await scheduledTicket(sql, ticket),
    }));
    await this.apply([current], settings);
  }

  /** Queues a rescheduling of every ticket (once per `reason`, e.g. a settings event's id). */
  async enqueueRescheduleAll(reason: string): Promise<void> {
    await this.queue.add(
      RESCHEDULE_ALL,
      { reason },
      {
        jobId: `auto-close-all-${reason}`,
        attempts: 10,
        backoff: { type: 'exponential', delay: 1_000 },
        removeOnComplete: true,
        removeOnFail: 1_000,
      },
    );
  }

  /**
   * Every ticket's job made to match the read model: timers of tickets auto-close no longer
   * applies to are removed, and every ticket it applies to gets its job (jobs already there stay
   * as they are). Returns how many tickets have a job.
   */
  async rescheduleAll(): Promise<number> {
    const settings = await withConnection(this.options.dataSource, (sql) => this.settings(sql));
    await this.inBatches((sql, after) => staleTimersAfter(sql, settings, after, BATCH), settings);
    return this.inBatches((sql, after) => candidatesAfter(sql, settings, after, BATCH), settings);
  }

  async close(): Promise<void> {
    await this.worker?.close();
    await this.queue.close();
  }

  private async inBatches(
    next: (sql: Sql, after: number) => Promise<ScheduledTicket[]>,
    settings: AutoCloseSettings,
  ): Promise<number> {
    let after = 0;
    let total = 0;
    for (;;) {
      const batch = await withConnection(this.options.dataSource, (sql) => next(sql, after));
      if (batch.length === 0) return total;
      await this.apply(batch, settings, { readd: true });
      total += batch.length;
      after = batch[batch.length - 1]?.ticket ?? after;
    }
  }

  /**
   * Brings each ticket's job and timer row in line with its due time. With `readd`, the job is
   * added even when the row says it is in place (Redis may have lost it).
   */
  private async apply(
    tickets: readonly ScheduledTicket[],
    settings: AutoCloseSettings,
    { readd = false } = {},
  ): Promise<void> {
    const toAdd: { ticket: number; dueAt: Date }[] = [];
    const kept: { ticket: number; dueAt: Date }[] = [];
    const dropped: number[] = [];
    for (const scheduled of tickets) {
      const dueAt = dueAtOf(scheduled, settings);
      const moved = !sameInstant(dueAt, scheduled.timerAt);
      if (moved && scheduled.timerAt) {
        await this.queue.remove(autoCloseJobId(scheduled.ticket, scheduled.timerAt)).catch(() => 0);
      }
      if (dueAt && (moved || readd)) toAdd.push({ ticket: scheduled.ticket, dueAt });
      if (dueAt && moved) kept.push({ ticket: scheduled.ticket, dueAt });
      if (!dueAt && scheduled.timerAt) dropped.push(scheduled.ticket);
    }
    if (toAdd.length > 0) await this.add(toAdd);
    if (kept.length === 0 && dropped.length === 0) return;
    await withConnection(this.options.dataSource, async (sql) => {
      if (kept.length > 0) {
        await sql.query(
          `INSERT INTO ticket.auto_close_timer (ticket, due_at)
           SELECT * FROM unnest($1::bigint[], $2::timestamptz[])
           ON CONFLICT (ticket) DO UPDATE SET due_at = EXCLUDED.due_at`,
          [kept.map((t) => t.ticket), kept.map((t) => t.dueAt.toISOString())],
        );
      }
      if (dropped.length > 0) {
        await sql.query(`DELETE FROM ticket.auto_close_timer WHERE ticket = ANY($1)`, [dropped]);
      }
    });
  }

  private async add(timers: readonly { ticket: number; dueAt: Date }[]): Promise<void> {
    const now = this.now();
    await this.queue.addBulk(timers.map(({ ticket, dueAt }) => closeJob(ticket, dueAt, now)));
  }

  private async process(job: Job<AutoCloseJob>): Promise<void> {
    if (job.name === RESCHEDULE_ALL) {
      const count = await this.rescheduleAll();
      this.logger.log(`auto-close jobs rescheduled for ${count} tickets`);
    } else if ('ticket' in job.data) {
      await this.fire(job.data, job.id ?? `auto-close-${job.data.ticket}`);
    }
  }

  private async fire({ ticket, dueAt: scheduledFor }: CloseJob, id: string): Promise<void> {
    const closed = await this.closeTicket(ticket, id);
    const { current, settings } = await withConnection(this.options.dataSource, async (sql) => ({
      settings: await this.settings(sql),
      current: await scheduledTicket(sql, ticket),
    }));
    const dueAt = dueAtOf(current, settings);
    if (!closed && dueAt?.getTime() === scheduledFor && this.now().getTime() <= scheduledFor) {
      // Nothing moved, yet the ticket is not due by this clock: the job ran a moment early
      // (hosts' clocks differ a little), and its retry comes a moment later.
      throw new Error(`ticket ${ticket} is not due before ${dueAt.toISOString()}`);
    }
    await this.apply([current], settings);
  }

  /**
   * Closes the ticket if it is due; a ticket the rules refuse to close is logged and left as
   * it is, while conflicts and outages are thrown so the job is tried again.
   */
  private async closeTicket(ticket: number, correlationId: string): Promise<boolean> {
    try {
      const closed = await this.options.close.execute(
        ticket,
        this.now(),
        autoCloseContext(correlationId),
      );
      if (closed) this.logger.log(`ticket ${ticket} closed after inactivity`);
      return closed;
    } catch (error) {
      if (error instanceof FrappeError && error.httpStatus < 500 && error.httpStatus !== 409) {
        this.logger.error(`ticket ${ticket} could not be closed: ${error.message}`);
        return false;
      }
      throw error;
    }
  }

  private async settings(sql: Sql): Promise<AutoCloseSettings> {
    return autoCloseSettingsOf(await this.options.catalogues.settings(sql));
  }
}

function dueAtOf(scheduled: ScheduledTicket, settings: AutoCloseSettings): Date | undefined {
  if (scheduled.status === null) return undefined;
  return autoCloseDueAt(
    { status: scheduled.status, lastCommunicationAt: scheduled.lastCommunicationAt },
    settings,
  );
}

export function autoCloseJobId(ticket: number, dueAt: Date): string {
  return `auto-close-${ticket}-${dueAt.getTime()}`;
}

/** The delayed job closing `ticket` once `dueAt` has passed, by the clock reading `now`. */
export function closeJob(ticket: number, dueAt: Date, now: Date) {
  return {
    name: CLOSE,
    data: { ticket, dueAt: dueAt.getTime() } satisfies CloseJob,
    opts: {
      jobId: autoCloseJobId(ticket, dueAt),
      delay: Math.max(0, dueAt.getTime() + PAST_THE_DUE_TIME_MS - now.getTime()),
      attempts: 5,
      backoff: { type: 'exponential' as const, delay: 1_000 },
      removeOnComplete: true,
      removeOnFail: 1_000,
    },
  };
}

function sameInstant(a: Date | null | undefined, b: Date | null | undefined): boolean {
  return (a?.getTime() ?? null) === (b?.getTime() ?? null);
}
