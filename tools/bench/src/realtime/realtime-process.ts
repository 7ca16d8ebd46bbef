/** Resident memory of the realtime process, read off its Prometheus endpoint, in MiB. */
export async function realtimeRssMiB(realtimeUrl: string): Promise<number> {
  const text = await (await fetch(`${realtimeUrl}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith('process_resident_memory_bytes'));
  return line ? Number(line.split(' ').at(-1)) / 1024 / 1024 : Number.NaN;
}

export async function isRealtimeReady(realtimeUrl: string): Promise<boolean> {
  try {
    return (await fetch(`${realtimeUrl}/health/ready`, { signal: AbortSignal.timeout(3_000) })).ok;
  } catch {
    return false;
  }
}
