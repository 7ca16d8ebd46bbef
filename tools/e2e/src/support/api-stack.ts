import { hashSecret } from '@helpdesk/shared-credentials';
import pg from 'pg';
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

export type ApiCall = (
  method: string,
  path: string,
  body?: unknown,
) => Promise<{ status: number; body: Json }>;

function caller(api: string, key: string, secret: string): ApiCall {
  return async (method, path, body) => {
    const response = await fetch(`${api}${path}`, {
      method,
      headers: { Authorization: `token ${key}:${secret}`, 'Content-Type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: (await response.json()) as Json };
  };
}

export interface ApiStack {
  api: string;
  /** Every gateway replica's URL (`api` is the first). */
  apis: string[];
  db: TestDatabase;
  namespace: string;
  env: Record<string, string>;
  apps: Map<string, AppProcess>;
  /** A JSON request as Administrator; answers the status and the parsed body. */
  call: ApiCall;
  /** A user with these roles (none: a portal customer) and an API key, calling as themselves. */
  as(user: string, roles?: string[]): Promise<ApiCall>;
  /** An existing user calling with a key pair issued through `generate_keys`. */
  keysOf(user: string): Promise<ApiCall>;
  /** The `key:secret` of a user made by `as` or `keysOf` (a realtime handshake's `auth.token`). */
  tokenOf(user: string): string;
  stop(): Promise<void>;
}

export interface ApiStackOptions {
  /**
   * How many assignment-rule-service replicas run (named `assignment-rule-service`,
   * `assignment-rule-service-2`, …); none by default, so tickets are only assigned by hand.
   */
  assignmentReplicas?: number;
  /** Whether sla-service runs too (SLA documents, holiday lists and ticket SLA reckoning). */
  sla?: boolean;
  /** Whether metrics-worker runs too (the conversation metrics, `avg_response_time`). */
  metrics?: boolean;
  /** Whether knowledge-service runs too (articles, categories, saved replies). */
  knowledge?: boolean;
  /** How many realtime replicas run (named `realtime`, `realtime-2`, …); none by default. */
  realtimeReplicas?: number;
  /** How many gateway replicas run (named `gateway`, `gateway-2`, …); one by default. */
  gatewayReplicas?: number;
}

/**
 * agent-service, ticket-service and the gateway (and assignment-rule-service replicas when asked)
 * as real processes on a fresh database and NATS namespace, with a known Administrator key pair.
 */
export async function startApiStack(
  name: string,
  extraEnv: Record<string, string> = {},
  options: ApiStackOptions = {},
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
  const replicas = Array.from({ length: options.assignmentReplicas ?? 0 }, (_, i) =>
    i === 0 ? 'assignment-rule-service' : `assignment-rule-service-${i + 1}`,
  );
  const sla = options.sla ? ['sla-service'] : [];
  const metrics = options.metrics ? ['metrics-worker'] : [];
  const knowledge = options.knowledge ? ['knowledge-service'] : [];
  const realtime = Array.from({ length: options.realtimeReplicas ?? 0 }, (_, i) =>
    i === 0 ? 'realtime' : `realtime-${i + 1}`,
  );
  const services = [
    'agent-service',
    'ticket-service',
    ...replicas,
    ...sla,
    ...metrics,
    ...knowledge,
    ...realtime,
  ];
  const gateways = Array.from({ length: options.gatewayReplicas ?? 1 }, (_, i) =>
    i === 0 ? 'gateway' : `gateway-${i + 1}`,
  );
  try {
    for (const app of [...services, ...gateways]) {
      const built = app.replace(/-\d+$/, '');
      apps.set(app, await startApp(built, env, await freePort()));
    }
  } catch (error) {
    // An app that fails to boot must not leave the others running (and the test hanging).
    await Promise.all([...apps.values()].map((app) => app.kill()));
    await db.drop();
    throw error;
  }
  const api = apps.get('gateway')!.url;
  const call = caller(api, key, secret);
  const tokens = new Map<string, string>([['Administrator', `${key}:${secret}`]]);
  return {
    api,
    apis: gateways.map((gateway) => apps.get(gateway)!.url),
    db,
    namespace,
    env,
    apps,
    call,
    async keysOf(user) {
      const keys = await call('POST', '/api/method/frappe.core.doctype.user.user.generate_keys', {
        user,
      });
      if (keys.status !== 200) throw new Error(`no keys for ${user}: ${JSON.stringify(keys.body)}`);
      const pair = keys.body.message as { api_key: string; api_secret: string };
      tokens.set(user, `${pair.api_key}:${pair.api_secret}`);
      return caller(api, pair.api_key, pair.api_secret);
    },
    async as(user, roles = []) {
      const userKey = `${name}-${user}-key`;
      const userSecret = `${name}-${user}-secret-0123456789`;
      const client = new pg.Client({ connectionString: db.url });
      await client.connect();
      try {
        await client.query(
          `INSERT INTO agent.users (name, full_name, roles, api_key, api_secret_hash)
           VALUES ($1, $1, $2, $3, $4)`,
          [user, roles, userKey, await hashSecret(userSecret)],
        );
      } finally {
        await client.end();
      }
      tokens.set(user, `${userKey}:${userSecret}`);
      return caller(api, userKey, userSecret);
    },
    tokenOf(user) {
      const token = tokens.get(user);
      if (!token) throw new Error(`no key pair was made for ${user}`);
      return token;
    },
    async stop() {
      await Promise.all([...apps.values()].map((app) => app.stop()));
      await deleteNamespaceStreams(testConfig.NATS_URL, namespace);
      await db.drop();
    },
  };
}
