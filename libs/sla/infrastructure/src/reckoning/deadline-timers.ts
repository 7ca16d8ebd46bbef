import { Logger } from '@nestjs/common';
import { inTransaction, withConnection } from '@helpdesk/shared-event-store';
import type { TicketSlaClock } from '@helpdesk/sla-application';
import { Queue, Worker, type Job } from 'bullmq';
import type { DataSource } from 'typeorm';
import { queueOptions, workerOptions } from '@helpdesk/shared-messaging';
import type { ReckoningDispatcher } from './reckoning-dispatcher.js';

export const DEADLINE_QUEUE = 'sla-deadlines';

interface DeadlineJob {
  ticket: number;
}

/** A deadline passes a moment after its instant: at the instant itself it is still met. */
const PAST_THE_DEADLINE_MS = 1_000;
const REBUILD_BATCH = 1_000;

/**
 * One BullMQ delayed job per ticket and deadline (`sla-<ticket>-fails-<epoch ms>`), firing when
 * the agreement would turn Failed: the ticket is reckoned again and what changed is sent to
 * ticket-service. A moved deadline replaces its job, a met one removes it; the ids are
 * deterministic, so adding one twice is harmless, and after a Redis flush `rebuild` restores
 * every job from the clocks.
 */
export class DeadlineTimers {
  private readonly queue: Queue<DeadlineJob>;
  private worker: Worker<DeadlineJob> | undefined;
  private readonly logger = new Logger('DeadlineTimers');

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: TicketSlaClock,
    private readonly dispatcher: ReckoningDispatcher,
    private readonly redis: { url: string; namespace: string },
  ) {
    this.queue = new Queue<DeadlineJob>(DEADLINE_QUEUE, queueOptions(redis.url, redis.namespace));
  }

  start(): void {
    this.worker = new Worker<DeadlineJob>(
      DEADLINE_QUEUE,
      (job) => this.fire(job),
      workerOptions(this.redis.url, this.redis.namespace, 8),
    );
    this.worker.on('failed', (job, error) =>
      this.logger.error(`deadline job ${job?.id ?? '?'} failed: ${error.message}`),
    );
  }

  /** Makes the ticket's job match its clock's `fails_at`. */
  async sync(ticket: number): Promise<void> {
    const { rows } = await withConnection(this.dataSource, (sql) =>
      sql.query<{ fails_at: Date | null; timer_at: Date | null }>(
        `SELECT fails_at, timer_at FROM sla.ticket_clock WHERE ticket = $1`,
        [ticket],
      ),
    );
    const row = rows[0];
    if (!row || sameInstant(row.fails_at, row.timer_at)) return;
    if (row.timer_at) await this.queue.remove(jobId(ticket, row.timer_at)).catch(() => 0);
    if (row.fails_at) await this.add([{ ticket, failsAt: row.fails_at }]);
    await withConnection(this.dataSource, (sql) =>
      sql.query(
        `UPDATE sla.ticket_clock SET timer_at = fails_at
          WHERE ticket = $1 AND fails_at IS NOT DISTINCT FROM $2`,
        [ticket, row.fails_at],
      ),
    );
  }

  /** Every clock's timer, added again (jobs already there stay as they are). */
  async rebuild(): Promise<number> {
    let after = 0;
    let total = 0;
    for (;;) {
      const { rows } = await withConnection(this.dataSource, (sql) =>
        sql.query<{ ticket: string; fails_at: Date }>(
          `SELECT ticket, fails_at FROM sla.ticket_clock
            WHERE fails_at IS NOT NULL AND ticket > $1 ORDER BY ticket LIMIT $2`,
          [after, REBUILD_BATCH],
        ),
      );
      if (rows.length === 0) return total;
      await this.add(rows.map((row) => ({ ticket: Number(row.ticket), failsAt: row.fails_at })));
      const tickets = rows.map((row) => Number(row.ticket));
      await withConnection(this.dataSource, (sql) =>
        sql.query(`UPDATE sla.ticket_clock SET timer_at = fails_at WHERE ticket = ANY($1)`, [
          tickets,
        ]),
      );
      total += rows.length;
      after = tickets[tickets.length - 1] ?? after;
    }
  }

  async close(): Promise<void> {
    await this.worker?.close();
    await this.queue.close();
  }

  private async add(timers: readonly { ticket: number; failsAt: Date }[]): Promise<void> {
    const now = Date.now();
    await this.queue.addBulk(
      timers.map(({ ticket, failsAt }) => ({
        name: 'deadline',
        data: { ticket },
        opts: {
          jobId: jobId(ticket, failsAt),
          delay: Math.max(0, failsAt.getTime() + PAST_THE_DEADLINE_MS - now),
          attempts: 5,
          backoff: { type: 'exponential', delay: 1_000 },
          removeOnComplete: true,
          removeOnFail: 1_000,
        },
      })),
    );
  }

  private async fire(job: Job<DeadlineJob>): Promise<void> {
    const { ticket } = job.data;
    await inTransaction(this.dataSource, (sql) =>
      this.clock.reckonAgain(sql, ticket, {
        actor: 'Administrator',
        correlationId: `sla-deadline-${job.id ?? ticket}`,
      }),
    );
    await this.dispatcher.dispatch(ticket);
    await this.sync(ticket);
  }
}

function jobId(ticket: number, failsAt: Date): string {
  return `sla-${ticket}-fails-${failsAt.getTime()}`;
}

function sameInstant(a: Date | null, b: Date | null): boolean {
  return (a?.getTime() ?? null) === (b?.getTime() ?? null);
}
