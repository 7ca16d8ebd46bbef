import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { REPO_ROOT } from './repo-root.js';
import { waitFor } from './wait-for.js';

export interface AppProcess {
  url: string;
  output(): string;
  /** SIGTERM and wait; resolves with the exit code. */
  stop(): Promise<number | null>;
  /** SIGKILL: no shutdown hooks run, as in a crash. */
  kill(): Promise<void>;
}

/**
 * Runs a built app as a real process and waits until it answers on its port (`/health/live`
 * names its pid) and `/health/ready` answers 200.
 */
export async function startApp(
  app: string,
  env: Record<string, string>,
  port: number,
): Promise<AppProcess> {
  const child = spawn(process.execPath, [join(REPO_ROOT, 'apps', app, 'dist', 'main.js')], {
    env: { ...childEnv(), ...env, HTTP_PORT: String(port), LOG_LEVEL: env.LOG_LEVEL ?? 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitFor(
      async () => {
        if (child.exitCode !== null) throw new Error(`${app} exited: ${output}`);
        // The port was free when picked; another test's process may have taken it since, so
        // only this child answering counts.
        const live = (await (await fetch(`${url}/health/live`)).json()) as { pid?: number };
        if (live.pid !== child.pid) return false;
        return (await fetch(`${url}/health/ready`)).ok;
      },
      { timeoutMs: 30_000, intervalMs: 100, what: `${app} to be ready` },
    );
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`${app} did not become ready: ${(error as Error).message}\n${output}`);
  }
  return {
    url,
    output: () => output,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
    async kill() {
      if (child.exitCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}

/** The environment for a child process, without the test runner's own markers. */
export function childEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.NODE_TEST_CONTEXT;
  return env;
}

/** A TCP port that is free right now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}
