import { availableParallelism } from 'node:os';
import type { FigureTable } from '../figure-table.js';
import { KeepAliveHttpClient } from '../keep-alive-http-client.js';
import { percentile } from '../latency-stats.js';
import { BareSocketServer } from '../realtime/bare-socket-server.js';
import { EventTap } from '../realtime/event-tap.js';
import { openLoop } from '../realtime/open-loop.js';
import { isRealtimeReady, realtimeRssMiB } from '../realtime/realtime-process.js';
import { SocketFleet } from '../realtime/socket-fleet.js';
import { ScenarioRefused, type BenchContext, type Scenario } from './scenario.js';

const SOCKET_LEVELS = [1_000, 5_000];
const EVENTS_PER_SECOND = 200;
const MEASURED_SECONDS = 10;
const WARMUP_SECONDS = 2;
/** Each ticket is watched by sockets / TICKETS sockets and changed once a second. */
const TICKETS = 200;
const PRIORITIES = ['Medium', 'High', 'Urgent', 'Low'];
const RECEIPT_TIMEOUT_MS = 60_000;

interface Run {
  label: string;
  sockets: number;
  events: number;
  sentPerSecond: number;
  latencies: number[];
  expected: number;
  rssMiB: number;
}

/**
 * Latency from a ticket change's HTTP reply to its `doc_update` at each socket watching the
 * ticket, with 1,000 and 5,000 sockets connected to realtime and 200 changes a second, against a
 * bare Socket.IO server emitting the same events to the same rooms from the bench's own process.
 */
export const realtimeLatencyScenario: Scenario = {
  id: 'realtime-latency',
  title: 'Realtime fan-out: ticket change reply to socket receipt',
  byDefault: false,
  async run(context) {
    const { config } = context;
    if (!(await isRealtimeReady(config.realtimeUrl))) {
      throw new ScenarioRefused(
        `realtime at ${config.realtimeUrl} is not ready; start the stack with \`npm start\``,
      );
    }
    const http = new KeepAliveHttpClient(
      config.helpdeskUrl,
      { authorization: `token ${config.apiKey}:${config.apiSecret}` },
      64,
    );
    try {
      const tickets = await openTickets(context, http);
      const rows: { baseline: Run; realtime: Run; delivery: Run }[] = [];
      for (const sockets of SOCKET_LEVELS) {
        if (context.signal.aborted) break;
        const baseline = await measureBaseline(context, sockets);
        const { realtime, delivery } = await measureRealtime(context, http, tickets, sockets);
        rows.push({ baseline, realtime, delivery });
      }
      return {
        id: this.id,
        title: this.title,
        baselineNote:
          'realtime: PUT /api/resource/HD Ticket/<n> (a priority change) through the gateway; ' +
          'latency = doc_update arrival at a socket − the HTTP reply, for every socket that ' +
          "subscribed to the ticket's document room (matched by `modified`). Baseline: a bare " +
          'Socket.IO server in the bench process (no adapter, auth or permission check) emitting ' +
          'the same number of events to rooms of the same size; latency = arrival − emit. ' +
          'JetStream: the same priority changes reaching an ordered consumer in the bench (reply ' +
          "→ committed event published), the part of realtime's latency before it starts. RSS: " +
          "the realtime process's resident memory with the sockets connected, after the run.",
        levels: [],
        table: latencyTable(rows),
      };
    } finally {
      http.close();
    }
  },
};

async function openTickets(context: BenchContext, http: KeepAliveHttpClient): Promise<number[]> {
  context.progress(`realtime-latency: opening ${TICKETS} tickets to watch`);
  const tickets: number[] = [];
  for (let start = 0; start < TICKETS; start += 16) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(16, TICKETS - start) }, async (_, i) => {
        const reply = await http.sendJson('POST', '/api/resource/HD Ticket', {
          subject: `Realtime bench ${start + i}`,
          raised_by: 'realtime-bench@example.com',
          priority: 'Low',
        });
        if (reply.status !== 200) throw new Error(`ticket not opened: ${reply.body}`);
        return (JSON.parse(reply.body) as { data: { name: number } }).data.name;
      }),
    );
    tickets.push(...batch);
  }
  return tickets;
}

async function measureBaseline(context: BenchContext, sockets: number): Promise<Run> {
  const server = await BareSocketServer.start();
  const sentAt = new Map<number, number>();
  const receipts: [number, number][] = [];
  let fleet: SocketFleet | undefined;
  try {
    context.progress(`realtime-latency, baseline: connecting ${sockets} sockets`);
    fleet = await SocketFleet.connect({
      url: server.url,
      namespace: '/',
      sockets,
      event: 'doc_update',
      join: async (socket, index) => {
        await socket.timeout(30_000).emitWithAck('join', `ticket-${index % TICKETS}`);
      },
      onReceipt: (payload, at) => receipts.push([Number(payload['modified']), at]),
      signal: context.signal,
    });
    const emit = async (seq: number) => {
      sentAt.set(seq, performance.now());
      server.emit(`ticket-${seq % TICKETS}`, 'doc_update', { modified: seq, name: seq % TICKETS });
    };
    await openLoop(EVENTS_PER_SECOND, WARMUP_SECONDS, emit, context.signal, -1e9);
    receipts.length = 0;
    context.progress(
      `realtime-latency, baseline: ${EVENTS_PER_SECOND}/s for ${MEASURED_SECONDS} s`,
    );
    const loop = await openLoop(EVENTS_PER_SECOND, MEASURED_SECONDS, emit, context.signal);
    const perEvent = sockets / TICKETS;
    const expected = loop.sent * perEvent;
    await until(() => receipts.filter(([seq]) => seq >= 0).length >= expected, context.signal);
    const latencies = receipts
      .filter(([seq]) => seq >= 0)
      .map(([seq, at]) => at - (sentAt.get(seq) ?? Number.NaN));
    return {
      label: 'bare Socket.IO (baseline)',
      sockets,
      events: loop.sent,
      sentPerSecond: loop.sent / (loop.elapsedMs / 1000),
      latencies,
      expected,
      rssMiB: Number.NaN,
    };
  } finally {
    fleet?.close();
    await server.close();
  }
}

async function measureRealtime(
  context: BenchContext,
  http: KeepAliveHttpClient,
  tickets: number[],
  sockets: number,
): Promise<{ realtime: Run; delivery: Run }> {
  const { config } = context;
  const tap = await EventTap.start(config.natsUrl, config.namespace, config.timeZone);
  const repliedAt = new Map<string, number>();
  const receipts: [string, number][] = [];
  let measuring = false;
  context.progress(`realtime-latency, realtime: connecting ${sockets} sockets`);
  const fleet = await SocketFleet.connect({
    url: config.realtimeUrl,
    namespace: `/${config.realtimeSite}`,
    token: `${config.apiKey}:${config.apiSecret}`,
    sockets,
    event: 'doc_update',
    join: async (socket, index) => {
      const joined = (await socket
        .timeout(30_000)
        .emitWithAck('doc_subscribe', 'HD Ticket', tickets[index % TICKETS])) as { ok?: boolean };
      if (!joined.ok) throw new Error(`doc_subscribe refused: ${JSON.stringify(joined)}`);
    },
    onReceipt: (payload, at) => {
      if (measuring)
        receipts.push([`${String(payload['name'])}|${String(payload['modified'])}`, at]);
    },
    signal: context.signal,
  });
  try {
    let errors = 0;
    let firstError = '';
    const change = async (seq: number) => {
      const ticket = tickets[((seq % TICKETS) + TICKETS) % TICKETS]!;
      const priority = PRIORITIES[Math.floor(Math.abs(seq) / TICKETS) % PRIORITIES.length];
      try {
        const reply = await http.sendJson('PUT', `/api/resource/HD Ticket/${ticket}`, { priority });
        const at = performance.now();
        if (reply.status !== 200) throw new Error(`${reply.status} ${reply.body.slice(0, 200)}`);
        const { modified } = (JSON.parse(reply.body) as { data: { modified: string } }).data;
        repliedAt.set(`${ticket}|${modified}`, at);
      } catch (error) {
        errors += 1;
        firstError ||= (error as Error).message;
      }
    };
    context.progress(`realtime-latency, realtime: warm-up ${WARMUP_SECONDS} s`);
    await openLoop(EVENTS_PER_SECOND, WARMUP_SECONDS, change, context.signal, 1_000_000);
    repliedAt.clear();
    measuring = true;
    context.progress(
      `realtime-latency, realtime: ${EVENTS_PER_SECOND}/s for ${MEASURED_SECONDS} s`,
    );
    const loop = await openLoop(EVENTS_PER_SECOND, MEASURED_SECONDS, change, context.signal);
    if (errors > 0) context.progress(`realtime-latency: ${errors} changes failed: ${firstError}`);
    const perEvent = sockets / TICKETS;
    const expected = repliedAt.size * perEvent;
    const measured = () => receipts.filter(([key]) => repliedAt.has(key));
    await until(() => measured().length >= expected, context.signal);
    const latencies = measured().map(([key, at]) => at - repliedAt.get(key)!);
    const run = {
      sockets,
      events: repliedAt.size,
      sentPerSecond: loop.sent / (loop.elapsedMs / 1000),
    };
    const delivered = [...repliedAt].filter(([key]) => tap.arrivals.has(key));
    return {
      realtime: {
        ...run,
        label: 'realtime',
        latencies,
        expected,
        rssMiB: await realtimeRssMiB(config.realtimeUrl),
      },
      delivery: {
        ...run,
        label: 'JetStream event (bench consumer)',
        latencies: delivered.map(([key, at]) => tap.arrivals.get(key)! - at),
        expected: repliedAt.size,
        rssMiB: Number.NaN,
      },
    };
  } finally {
    fleet.close();
    await tap.stop();
  }
}

async function until(done: () => boolean, signal: AbortSignal): Promise<void> {
  const deadline = Date.now() + RECEIPT_TIMEOUT_MS;
  while (!done() && Date.now() < deadline && !signal.aborted) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function latencyTable(rows: { baseline: Run; realtime: Run; delivery: Run }[]): FigureTable {
  const row = (run: Run) => {
    const sorted = Float64Array.from(run.latencies).sort();
    return {
      label: `${run.label}, ${run.sockets} sockets`,
      values: [
        run.sockets,
        run.events,
        run.sentPerSecond,
        run.latencies.length,
        percentile(sorted, 50),
        percentile(sorted, 99),
        sorted.at(-1) ?? Number.NaN,
        Math.max(0, run.expected - run.latencies.length),
        run.rssMiB,
      ],
    };
  };
  return {
    conditions:
      `${EVENTS_PER_SECOND} ticket changes/s offered, open loop, ${MEASURED_SECONDS} s after ` +
      `${WARMUP_SECONDS} s warm-up; ${TICKETS} tickets, each watched by sockets/${TICKETS} ` +
      `sockets; ${availableParallelism()} cores`,
    columns: [
      { header: 'sockets', unit: 'count' },
      { header: 'events', unit: 'count' },
      { header: 'sent ev/s', unit: 'rate' },
      { header: 'receipts', unit: 'count' },
      { header: 'p50 ms', unit: 'ms' },
      { header: 'p99 ms', unit: 'ms' },
      { header: 'max ms', unit: 'ms' },
      { header: 'missing', unit: 'count' },
      { header: 'RSS MiB', unit: 'count' },
    ],
    rows: rows.flatMap(({ baseline, realtime, delivery }) => [
      row(realtime),
      row(delivery),
      row(baseline),
    ]),
    ratios: rows.flatMap(({ baseline, realtime }) => [
      {
        label: `${realtime.sockets} sockets p50 realtime/baseline`,
        numerator: percentile(Float64Array.from(realtime.latencies).sort(), 50),
        denominator: percentile(Float64Array.from(baseline.latencies).sort(), 50),
      },
      {
        label: 'p99',
        numerator: percentile(Float64Array.from(realtime.latencies).sort(), 99),
        denominator: percentile(Float64Array.from(baseline.latencies).sort(), 99),
      },
    ]),
  };
}
