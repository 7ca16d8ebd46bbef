import {
  createTestDatabase,
  deleteNamespaceStreams,
  freePort,
  startApp,
  testConfig,
  uniqueNamespace,
  type AppProcess,
  type TestDatabase,
} from '@helpdesk/shared-testing';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- arbitrary JSON under test
export type Json = Record<string, any>;

export interface ApiStack {
  api: string;
  db: TestDatabase;
  namespace: string;
  env: Record<string, string>;
  apps: Map<string, AppProcess>;
  /** A JSON request as Administrator; answers the status and the parsed body. */
  call(method: string, path: string, body?: unknown): Promise<{ status: number; body: Json }>;
  stop(): Promise<void>;
}

/**
 * agent-service, ticket-service and the gateway as real processes on a fresh database and NATS
 * namespace, with a known Administrator key pair.
 */
export async function startApiStack(
  name: string,
  extraEnv: Record<string, string> = {},
): Promise<ApiStack> {
  const db = await createTestDatabase();
  const namespace = uniqueNamespace();
  const key = `${name}-admin-key`;
  const secret = `${name}-admin-secret-0123456789`;
  const env = {
    DATABASE_URL: db.url,
    NATS_URL: testConfig.NATS_URL,
    HELPDESK_NAMESPACE: namespace,
    HELPDESK_ADMIN_API_KEY: key,
    HELPDESK_ADMIN_API_SECRET: secret,
    ...extraEnv,
  };
  const apps = new Map<string, AppProcess>();
  for (const app of ['agent-service', 'ticket-service', 'gateway']) {
    apps.set(app, await startApp(app, env, await freePort()));
  }
  const api = apps.get('gateway')!.url;
  return {
    api,
    db,
    namespace,
    env,
    apps,
    async call(method, path, body) {
      const response = await fetch(`${api}${path}`, {
        method,
        headers: { Authorization: `token ${key}:${secret}`, 'Content-Type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return { status: response.status, body: (await response.json()) as Json };
    },
    async stop() {
      await Promise.all([...apps.values()].map((app) => app.stop()));
      await deleteNamespaceStreams(testConfig.NATS_URL, namespace);
      await db.drop();
    },
  };
}
