import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Everything the benchmark reads from its environment; the only place `process.env` is read. */
export interface BenchConfig {
  helpdeskUrl: string;
  /** The realtime service (Socket.IO) of the running stack, and its site namespace. */
  realtimeUrl: string;
  realtimeSite: string;
  /** The running stack's NATS namespace and site zone (what `npm start` uses unless set). */
  namespace: string;
  timeZone: string;
  databaseUrl: string;
  /** The services the metrics scenarios run their own worker against. */
  natsUrl: string;
  redisUrl: string;
  /** Empty when no selected scenario talks to the running stack. */
  apiKey: string;
  apiSecret: string;
  /** Measured seconds per concurrency level, after the warm-up. */
  secondsPerLevel: number;
  warmupSeconds: number;
  /** Concurrent clients per level, in run order. */
  clientLevels: number[];
}

// Compiled to tools/bench/dist/, three levels below the repository root.
const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const CREDENTIALS_FILE = `${REPO_ROOT}.helpdesk/credentials.env`;

export class BenchConfigError extends Error {}

/** `needsCredentials`: whether a selected scenario calls the running stack's API. */
export function loadBenchConfig(
  needsCredentials: boolean,
  env: NodeJS.ProcessEnv = process.env,
): BenchConfig {
  const credentials = { ...readEnvFile(CREDENTIALS_FILE), ...definedOnly(env) };
  const apiKey = credentials.HELPDESK_ADMIN_API_KEY ?? '';
  const apiSecret = credentials.HELPDESK_ADMIN_API_SECRET ?? '';
  if (needsCredentials && (!apiKey || !apiSecret)) {
    throw new BenchConfigError(
      `No API key pair: set HELPDESK_ADMIN_API_KEY and HELPDESK_ADMIN_API_SECRET, ` +
        `or run \`npm start\` first (it writes ${CREDENTIALS_FILE}).`,
    );
  }
  return {
    helpdeskUrl: (env.HELPDESK_URL ?? 'http://127.0.0.1:8000').replace(/\/+$/, ''),
    realtimeUrl: (env.REALTIME_URL ?? 'http://127.0.0.1:9000').replace(/\/+$/, ''),
    realtimeSite: env.REALTIME_SITE_NAME ?? 'helpdesk.localhost',
    namespace: env.HELPDESK_NAMESPACE ?? '',
    timeZone: env.HELPDESK_TIME_ZONE ?? 'UTC',
    databaseUrl: env.DATABASE_URL ?? 'postgres://root@127.0.0.1:5432/helpdesk',
    natsUrl: env.NATS_URL ?? 'nats://127.0.0.1:4222',
    redisUrl: env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    apiKey,
    apiSecret,
    secondsPerLevel: positiveNumber('BENCH_SECONDS', env.BENCH_SECONDS, 5),
    warmupSeconds: positiveNumber('BENCH_WARMUP_SECONDS', env.BENCH_WARMUP_SECONDS, 1, true),
    clientLevels: clientLevels(env.BENCH_CLIENTS ?? '1,8,32,64'),
  };
}

function readEnvFile(path: string): Record<string, string> {
  if (!existsSync(path)) return {};
  const entries = readFileSync(path, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#') && line.includes('='))
    .map((line) => {
      const at = line.indexOf('=');
      return [
        line.slice(0, at).trim(),
        line
          .slice(at + 1)
          .trim()
          .replace(/^(['"])(.*)\1$/, '$2'),
      ];
    });
  return Object.fromEntries(entries);
}

function definedOnly(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).filter((entry): entry is [string, string] => !!entry[1]),
  );
}

function positiveNumber(
  name: string,
  raw: string | undefined,
  fallback: number,
  zeroAllowed = false,
): number {
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0 || (value === 0 && !zeroAllowed)) {
    throw new BenchConfigError(`${name} must be a positive number of seconds, got ${raw}`);
  }
  return value;
}

function clientLevels(raw: string): number[] {
  const levels = raw.split(',').map((part) => Number(part.trim()));
  if (levels.length === 0 || levels.some((n) => !Number.isInteger(n) || n < 1)) {
    throw new BenchConfigError(`BENCH_CLIENTS must be a comma-separated list of integers ≥ 1`);
  }
  return levels;
}
