/** A one-line progress bar on stderr, for operator commands; `unit` names what is counted. */
export function progressBar(label: string, unit = 'events') {
  const width = 30;
  const started = Date.now();
  return {
    update(done: number, total: number): void {
      const ratio = total > 0 ? Math.min(done / total, 1) : 1;
      const filled = Math.round(ratio * width);
      process.stderr.write(
        `\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${unit}`,
      );
    },
    /** Ends the line with the total, the time taken and the rate. */
    finish(count: number): { ms: number; perSecond: number } {
      const ms = Date.now() - started;
      const perSecond = ms > 0 ? Math.round((count * 1000) / ms) : count;
      process.stderr.write(`\n${label}: ${count} ${unit} in ${ms} ms (${perSecond} ${unit}/s)\n`);
      return { ms, perSecond };
    },
  };
}
