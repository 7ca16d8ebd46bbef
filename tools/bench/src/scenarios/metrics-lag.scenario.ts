import { availableParallelism } from 'node:os';
import type { JetStreamClient } from '@nats-io/jetstream';
import type { FigureTable } from '../figure-table.js';
import { publishReplies, type PublishedRun } from '../metrics/event-publisher.js';
import { MetricsWorkerBench } from '../metrics/metrics-worker-bench.js';
import type { LagFigures, TicketArrivals } from '../metrics/ticket-arrivals.js';
import { TransportConsumer } from '../metrics/transport-consumer.js';
import type { BenchContext, Scenario } from './scenario.js';

const EVENTS_PER_SECOND = 1_000;
/** 10,000 events: 10 s at the offered rate. */
const TICKETS = 5_000;
/** Sent first and waited for, so that the measured run finds connections and code warm. */
const WARMUP_TICKETS = 500;
const ARRIVAL_TIMEOUT_MS = 120_000;

interface LagRun {
  published: PublishedRun;
  lags: LagFigures;
}

/**
 * How long after a reply is committed metrics-worker has sent the ticket's new
 * avg_response_time, at a steady 1,000 ticket events per second (a customer message and its
 * answer per ticket), against the same events merely delivered by JetStream to a consumer.
 */
export const metricsLagScenario: Scenario = {
  id: 'metrics-lag',
  title: 'Conversation metrics lag: agent reply committed to its figure at ticket-service',
  byDefault: false,
  needsStack: false,
  async run(context) {
    const bench = await MetricsWorkerBench.open(context);
    try {
      const transportNamespace = `${bench.namespace}-transport`;
      const transport = await TransportConsumer.start(context.config.natsUrl, transportNamespace);
      let baseline: LagRun;
      try {
        baseline = await measure(context, 'JetStream consumer', {
          js: bench.js,
          namespace: transportNamespace,
          arrivals: transport.answers,
        });
      } finally {
        await transport.stop();
      }
      context.progress(`metrics-lag: starting metrics-worker in namespace ${bench.namespace}`);
      await bench.startWorker();
      const worker = await measure(context, 'metrics-worker', {
        js: bench.js,
        namespace: bench.namespace,
        arrivals: bench.standIn.figures,
      });
      context.progress(
        `metrics-lag: the stand-in answered ${bench.standIn.requests} figure requests for ` +
          `${TICKETS + WARMUP_TICKETS} tickets`,
      );
      if (worker.lags.missing > 0) context.progress(`metrics-worker log:\n${bench.workerLog()}`);
      return {
        id: this.id,
        title: this.title,
        baselineNote:
          'sent ev/s: the rate achieved by the publisher; done ev/s: events / (last arrival − first ' +
          "send). Lag = arrival − occurredAt of the ticket's agent-replied event (stamped when " +
          'published). metrics-worker: its figure requested from a ticket-service stand-in that ' +
          'answers at once; baseline: the agent reply delivered to a durable pull consumer in ' +
          'the bench that only acknowledges (the transport alone).',
        levels: [],
        table: lagTable(worker, baseline),
      };
    } finally {
      await bench.close();
    }
  },
};

/** A warm-up, then the measured run, both at the offered rate; waits for every ticket's arrival. */
async function measure(
  context: BenchContext,
  label: string,
  target: { js: JetStreamClient; namespace: string; arrivals: TicketArrivals },
): Promise<LagRun> {
  const { js, namespace, arrivals } = target;
  const rate = EVENTS_PER_SECOND;
  context.progress(`metrics-lag, ${label}: warm-up, ${WARMUP_TICKETS} tickets`);
  const warmup = await publishReplies(
    js,
    namespace,
    { firstTicket: 1, tickets: WARMUP_TICKETS, ratePerSecond: rate },
    context.signal,
  );
  await arrivals.until([...warmup.answeredAt.keys()], ARRIVAL_TIMEOUT_MS, context.signal);
  context.progress(`metrics-lag, ${label}: ${TICKETS * 2} events at ${rate}/s`);
  const published = await publishReplies(
    js,
    namespace,
    { firstTicket: WARMUP_TICKETS + 1, tickets: TICKETS, ratePerSecond: rate },
    context.signal,
  );
  if (published.errors > 0) {
    context.progress(
      `metrics-lag, ${label}: ${published.errors} events not published: ` +
        `${published.firstError}`,
    );
  }
  await arrivals.until([...published.answeredAt.keys()], ARRIVAL_TIMEOUT_MS, context.signal);
  const lags = arrivals.lags(published.answeredAt);
  context.progress(
    `metrics-lag, ${label}: p50 ${lags.p50Ms.toFixed(1)} ms, p99 ${lags.p99Ms.toFixed(1)} ms, ` +
      `${lags.missing} of ${lags.tickets} tickets missing`,
  );
  return { published, lags };
}

function lagTable(worker: LagRun, baseline: LagRun): FigureTable {
  const row = (label: string, run: LagRun) => ({
    label,
    values: [
      run.published.events,
      run.published.achievedPerSecond,
      run.published.events / ((run.lags.lastAt - run.published.startedAt) / 1000),
      run.lags.tickets,
      run.lags.p50Ms,
      run.lags.p99Ms,
      run.lags.maxMs,
      run.lags.missing,
    ],
  });
  return {
    conditions:
      `${EVENTS_PER_SECOND} events/s offered, open loop; ${TICKETS} tickets × 2 replies after ` +
      `${WARMUP_TICKETS} warm-up tickets; ${availableParallelism()} cores`,
    columns: [
      { header: 'events', unit: 'count' },
      { header: 'sent ev/s', unit: 'rate' },
      { header: 'done ev/s', unit: 'rate' },
      { header: 'tickets', unit: 'count' },
      { header: 'p50 lag ms', unit: 'ms' },
      { header: 'p99 lag ms', unit: 'ms' },
      { header: 'max lag ms', unit: 'ms' },
      { header: 'missing', unit: 'count' },
    ],
    rows: [row('metrics-worker', worker), row('JetStream consumer (baseline)', baseline)],
    ratios: [
      {
        label: 'worker/baseline p50',
        numerator: worker.lags.p50Ms,
        denominator: baseline.lags.p50Ms,
      },
      { label: 'p99', numerator: worker.lags.p99Ms, denominator: baseline.lags.p99Ms },
    ],
  };
}
