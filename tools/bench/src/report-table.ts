import type { BenchConfig } from './bench-config.js';
import { renderFigureTable } from './figure-table.js';
import type { MachineInfo } from './machine-info.js';
import { ms, rate, ratio } from './number-format.js';
import type { LevelResult, ScenarioResult } from './scenarios/index.js';

const COLUMNS: [header: string, cell: (level: LevelResult) => string][] = [
  ['clients', (l) => String(l.clients)],
  ['API req/s', (l) => rate(l.api.throughputPerSecond)],
  ['API p50 ms', (l) => ms(l.api.p50Ms)],
  ['API p95 ms', (l) => ms(l.api.p95Ms)],
  ['API p99 ms', (l) => ms(l.api.p99Ms)],
  ['API errors', (l) => String(l.api.errors)],
  ['PG req/s', (l) => rate(l.baseline.throughputPerSecond)],
  ['PG p50 ms', (l) => ms(l.baseline.p50Ms)],
  ['PG p95 ms', (l) => ms(l.baseline.p95Ms)],
  ['PG p99 ms', (l) => ms(l.baseline.p99Ms)],
  ['API/PG throughput', (l) => ratio(l.api.throughputPerSecond, l.baseline.throughputPerSecond)],
  ['API/PG p50', (l) => ratio(l.api.p50Ms, l.baseline.p50Ms)],
];

export function renderReport(
  results: ScenarioResult[],
  config: BenchConfig,
  machine: MachineInfo,
  usedStack: boolean,
): string {
  const lines = [
    `Machine: ${machine.cores} cores (${machine.cpuModel}), ${machine.memoryGiB} GiB, ` +
      `${machine.platform}, Node ${machine.node}`,
    usedStack
      ? `Target: ${config.helpdeskUrl}; load generator, stack and Postgres share this machine.`
      : 'Load generator, the services measured, Postgres, Redis and NATS share this machine.',
  ];
  for (const result of results) {
    lines.push('', ...renderScenario(result, config, machine));
  }
  return lines.join('\n');
}

function renderScenario(
  result: ScenarioResult,
  config: BenchConfig,
  machine: MachineInfo,
): string[] {
  if (result.table) return renderFigureTable(result.title, result.table, result.baselineNote);
  const headers = COLUMNS.map(([header]) => header);
  const rows = result.levels.map((level) => COLUMNS.map(([, cell]) => cell(level)));
  const widths = headers.map((h, i) =>
    Math.max(h.length, ...rows.map((row) => row[i]?.length ?? 0)),
  );
  const line = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i] ?? 0)).join(' | ');
  const errors = result.levels.flatMap((level) => [
    ...(level.api.firstError ? [`  ${level.clients} clients, API: ${level.api.firstError}`] : []),
    ...(level.baseline.firstError
      ? [`  ${level.clients} clients, PG: ${level.baseline.firstError}`]
      : []),
  ]);
  return [
    `${result.title} (${config.secondsPerLevel} s per level after ${config.warmupSeconds} s ` +
      `warm-up, closed loop, ${machine.cores} cores)`,
    line(headers),
    widths.map((w) => '-'.repeat(w)).join('-|-'),
    ...rows.map(line),
    result.baselineNote,
    ...(errors.length > 0 ? ['First error per run:', ...errors] : []),
  ];
}
