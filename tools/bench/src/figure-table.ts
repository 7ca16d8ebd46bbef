import { count, ms, rate, ratio, seconds } from './number-format.js';

/** How a column's numbers are written. */
export type FigureUnit = 'count' | 'rate' | 'ms' | 's';

/**
 * A scenario's figures when they are not per concurrency level: one row per run (the measured
 * service, then its baseline), NaN where a figure does not apply to a run.
 */
export interface FigureTable {
  /** How the runs were made, shown after the title. */
  conditions: string;
  columns: { header: string; unit: FigureUnit }[];
  rows: { label: string; values: number[] }[];
  /** Measured over baseline, each written `label: 1.23x`. */
  ratios: { label: string; numerator: number; denominator: number }[];
}

const FORMATS: Record<FigureUnit, (value: number) => string> = { count, rate, ms, s: seconds };

export function renderFigureTable(title: string, table: FigureTable, note: string): string[] {
  const headers = ['run', ...table.columns.map((column) => column.header)];
  const rows = table.rows.map((row) => [
    row.label,
    ...table.columns.map((column, i) => FORMATS[column.unit](row.values[i] ?? Number.NaN)),
  ]);
  const widths = headers.map((h, i) =>
    Math.max(h.length, ...rows.map((row) => row[i]?.length ?? 0)),
  );
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)));
  const ratios = table.ratios.map((r) => `${r.label}: ${ratio(r.numerator, r.denominator)}`);
  return [
    `${title} (${table.conditions})`,
    line(headers).join(' | '),
    widths.map((w) => '-'.repeat(w)).join('-|-'),
    ...rows.map((row) => line(row).join(' | ')),
    ...(ratios.length > 0 ? [ratios.join('; ')] : []),
    note,
  ];
}
