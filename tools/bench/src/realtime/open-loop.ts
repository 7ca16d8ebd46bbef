/**
 * Calls `send(seq)` at a steady `ratePerSecond` for `seconds`, without waiting for earlier calls
 * (open loop: a slow server does not slow the offered load down); resolves when every call ended.
 */
export async function openLoop(
  ratePerSecond: number,
  seconds: number,
  send: (seq: number) => Promise<void>,
  signal: AbortSignal,
  firstSeq = 0,
): Promise<{ sent: number; elapsedMs: number }> {
  const total = Math.round(ratePerSecond * seconds);
  const started = performance.now();
  const inFlight: Promise<void>[] = [];
  let sent = 0;
  while (sent < total && !signal.aborted) {
    const due = Math.min(
      total,
      Math.floor(((performance.now() - started) / 1000) * ratePerSecond) + 1,
    );
    while (sent < due) inFlight.push(send(firstSeq + sent++));
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  const elapsedMs = performance.now() - started;
  await Promise.all(inFlight);
  return { sent, elapsedMs };
}
