/** A one-line progress bar on stderr, for operator commands. */
export function progressBar(label: string) {
  const width = 30;
  const started = Date.now();
  return {
    update(done: number, total: number): void {
      const ratio = total > 0 ? Math.min(done / total, 1) : 1;
      const filled = Math.round(ratio * width);
      process.stderr.write(
        `\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} events`,
      );
    },
    finish(count: number): void {
      process.stderr.write(`\n${label}: ${count} events replayed in ${Date.now() - started} ms\n`);
    },
  };
}
