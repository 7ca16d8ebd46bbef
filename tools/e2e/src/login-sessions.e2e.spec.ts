import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Redis } from 'ioredis';
import { io } from 'socket.io-client';
import { SITE } from './support/realtime-clients.js';
import { startApiStack, type ApiStack, type Json } from './support/api-stack.js';
import { errorMessage, openTicket, TICKETS } from './support/ticket-api-calls.js';

const ADMIN_PASSWORD = 'correct horse battery staple';

interface Answer {
  status: number;
  body: Json;
  headers: Headers;
}

/** A browser-like client: keeps the cookies it is given and sends them back. */
class CookieClient {
  private readonly jar = new Map<string, string>();
  csrfToken?: string;

  constructor(private readonly api: string) {}

  get sid(): string | undefined {
    return this.jar.get('sid');
  }

  async send(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Answer> {
    const cookie = [...this.jar].map(([name, value]) => `${name}=${value}`).join('; ');
    const form = typeof body === 'string';
    const response = await fetch(`${this.api}${path}`, {
      method,
      headers: {
        ...(cookie ? { cookie } : {}),
        ...(body === undefined
          ? {}
          : { 'content-type': form ? 'application/x-www-form-urlencoded' : 'application/json' }),
        ...headers,
      },
      ...(body === undefined ? {} : { body: form ? body : JSON.stringify(body) }),
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, value] = pair!.split('=') as [string, string];
      if (value === '' || /max-age=0/i.test(line)) this.jar.delete(name);
      else this.jar.set(name, value);
    }
    return {
      status: response.status,
      body: (await response.json()) as Json,
      headers: response.headers,
    };
  }

  async login(usr: string, pwd: string): Promise<Answer> {
    const answer = await this.send('POST', '/api/method/login', { usr, pwd });
    if (answer.status === 200) this.csrfToken = answer.headers.get('x-frappe-csrf-token') ?? '';
    return answer;
  }

  /** An unsafe request carrying the session's CSRF token, as the web app sends it. */
  write(method: string, path: string, body?: unknown): Promise<Answer> {
    return this.send(method, path, body, { 'x-frappe-csrf-token': this.csrfToken ?? '' });
  }
}

describe('login sessions (sid cookie, CSRF, logout)', () => {
  let stack: ApiStack;

  before(async () => {
    stack = await startApiStack(
      'sessions',
      {
        HELPDESK_ADMIN_PASSWORD: ADMIN_PASSWORD,
        // Changes of a user's password or state reach sessions at once.
        AUTH_CACHE_TTL_MS: '0',
        LOGIN_CONSECUTIVE_FAILURES: '3',
        LOGIN_LOCKOUT_SECONDS: '30',
      },
      { gatewayReplicas: 2 },
    );
  });
  after(() => stack?.stop());

  it('logs in with usr/pwd: the sid cookie identifies the user on any replica', async () => {
    const browser = new CookieClient(stack.apis[0]!);
    const login = await browser.login('Administrator', ADMIN_PASSWORD);
    assert.equal(login.status, 200);
    assert.equal(login.body.message, 'Logged In');
    assert.equal(login.body.home_page, '/app');
    assert.equal(login.body.full_name, 'Administrator');
    const setCookies = login.headers.getSetCookie();
    const sid = setCookies.find((line) => line.startsWith('sid='));
    assert.match(sid ?? '', /HttpOnly/i);
    assert.match(sid ?? '', /SameSite=Lax/i);
    assert.ok(setCookies.some((line) => line.startsWith('system_user=yes')));
    assert.ok(browser.csrfToken);

    const me = await browser.send('GET', '/api/method/frappe.auth.get_logged_user');
    assert.deepEqual(me.body, { message: 'Administrator' });
    const other = new CookieClient(stack.apis[1]!);
    const onReplica = await other.send(
      'GET',
      '/api/method/frappe.auth.get_logged_user',
      undefined,
      {
        cookie: `sid=${browser.sid}`,
      },
    );
    assert.deepEqual(onReplica.body, { message: 'Administrator' });
  });

  it('accepts form-encoded credentials, as Frappe client libraries send them', async () => {
    const browser = new CookieClient(stack.api);
    const login = await browser.send(
      'POST',
      '/api/method/login',
      new URLSearchParams({ usr: 'admin@example.com', pwd: ADMIN_PASSWORD }).toString(),
    );
    assert.equal(login.status, 200, JSON.stringify(login.body));
    assert.ok(browser.sid);
  });

  it('refuses wrong credentials with 401 and sets no session', async () => {
    for (const [usr, pwd] of [
      ['Administrator', 'wrong password'],
      ['nobody@example.com', ADMIN_PASSWORD],
    ] as const) {
      const browser = new CookieClient(stack.api);
      const login = await browser.login(usr, pwd);
      assert.equal(login.status, 401);
      assert.equal(login.body.exc_type, 'AuthenticationError');
      assert.equal(errorMessage(login.body), 'Invalid login credentials');
      assert.equal(browser.sid, undefined);
    }
    const missing = await new CookieClient(stack.api).send('POST', '/api/method/login', {
      usr: 'Administrator',
    });
    assert.equal(missing.status, 417);
  });

  it('unsafe requests of a cookie session need its CSRF token; safe ones do not', async () => {
    const browser = new CookieClient(stack.api);
    await browser.login('Administrator', ADMIN_PASSWORD);
    const doc = { subject: 'CSRF check', description: 'x', raised_by: 'csrf@example.com' };
    const before = (await browser.send('GET', `${TICKETS}?limit_page_length=0`)).body.data.length;

    const forged = await browser.send('POST', TICKETS, doc);
    assert.equal(forged.status, 400);
    assert.equal(forged.body.exc_type, 'CSRFTokenError');
    assert.equal(errorMessage(forged.body), 'Invalid Request');
    const wrong = await browser.send('POST', TICKETS, doc, { 'x-frappe-csrf-token': 'guess' });
    assert.equal(wrong.status, 400);
    assert.equal(
      (await browser.send('GET', `${TICKETS}?limit_page_length=0`)).body.data.length,
      before,
      'a refused write changes nothing',
    );

    const created = await browser.write('POST', TICKETS, doc);
    assert.equal(created.status, 200, JSON.stringify(created.body));
    const inForm = await browser.send('POST', TICKETS, { ...doc, csrf_token: browser.csrfToken });
    assert.equal(inForm.status, 200, JSON.stringify(inForm.body));
  });

  it('logout ends the session everywhere and clears the cookies', async () => {
    const browser = new CookieClient(stack.api);
    await browser.login('Administrator', ADMIN_PASSWORD);
    const sid = browser.sid!;
    const forced = await browser.send('POST', '/api/method/logout');
    assert.equal(forced.status, 400, 'a cross-site form cannot log the user out either');
    const out = await browser.write('POST', '/api/method/logout');
    assert.equal(out.status, 200);
    assert.deepEqual(out.body, {});
    assert.equal(browser.sid, undefined);
    const replay = await new CookieClient(stack.apis[1]!).send(
      'GET',
      '/api/method/frappe.auth.get_logged_user',
      undefined,
      { cookie: `sid=${sid}` },
    );
    assert.equal(replay.status, 403, 'the old sid is Guest now');
  });

  it('keeps only a digest of the sid in Redis', async () => {
    const browser = new CookieClient(stack.api);
    await browser.login('Administrator', ADMIN_PASSWORD);
    const redis = new Redis('redis://127.0.0.1:6379');
    try {
      const keys = await redis.keys(`helpdesk:${stack.namespace}:session:*`);
      assert.ok(keys.length > 0);
      assert.ok(keys.every((key) => !key.includes(browser.sid!)));
      const stored = await Promise.all(keys.map((key) => redis.get(key)));
      assert.ok(stored.every((value) => !value!.includes(browser.sid!)));
      const ttl = await redis.ttl(keys[0]!);
      assert.ok(ttl > 0 && ttl <= 240 * 3600, `expires (ttl ${ttl})`);
    } finally {
      redis.disconnect();
    }
  });

  it("a user's own new password lets them log in; setting it ends their older sessions", async () => {
    await stack.call('POST', '/api/resource/User', {
      email: 'pat@customer.example',
      first_name: 'Pat',
      roles: [{ role: 'HD Customer' }],
    });
    const pat = await stack.keysOf('pat@customer.example');
    const set = await pat('PUT', '/api/resource/User/pat@customer.example', {
      new_password: 'pat-first-password',
    });
    assert.equal(set.status, 200, JSON.stringify(set.body));
    assert.equal(JSON.stringify(set.body).includes('pat-first-password'), false);
    assert.equal(JSON.stringify(set.body).includes('scrypt'), false);

    const browser = new CookieClient(stack.api);
    const login = await browser.login('pat@customer.example', 'pat-first-password');
    assert.equal(login.status, 200);
    assert.equal(login.body.message, 'No App');
    const ticket = await openTicket(stack.call, {
      subject: 'Not Pat’s',
      description: 'x',
      raised_by: 'someone@else.example',
    });
    const denied = await browser.send('GET', `${TICKETS}/${ticket.name}`);
    assert.equal(denied.status, 403, 'a session carries the user’s own permissions');

    const short = await pat('PUT', '/api/resource/User/pat@customer.example', {
      new_password: 'x',
    });
    assert.equal(short.status, 417);
    const other = await pat('PUT', '/api/resource/User/Administrator', {
      new_password: 'takeover!!',
    });
    assert.equal(other.status, 403);

    await pat('PUT', '/api/resource/User/pat@customer.example', {
      new_password: 'pat-second-pass',
    });
    const stale = await browser.send('GET', '/api/method/frappe.auth.get_logged_user');
    assert.equal(stale.status, 403, 'the session from before the change is over');
    assert.equal(
      (await new CookieClient(stack.api).login('pat@customer.example', 'pat-first-password'))
        .status,
      401,
    );
    assert.equal(
      (await new CookieClient(stack.api).login('pat@customer.example', 'pat-second-pass')).status,
      200,
    );
  });

  it('a disabled user’s session ends', async () => {
    await stack.call('POST', '/api/resource/User', {
      email: 'quinn@customer.example',
      first_name: 'Quinn',
      roles: [{ role: 'HD Customer' }],
      new_password: 'quinn-password',
    });
    const browser = new CookieClient(stack.api);
    assert.equal((await browser.login('quinn@customer.example', 'quinn-password')).status, 200);
    await stack.call('PUT', '/api/resource/User/quinn@customer.example', { enabled: 0 });
    const after = await browser.send('GET', '/api/method/frappe.auth.get_logged_user');
    assert.equal(after.status, 403);
    assert.equal(
      (await new CookieClient(stack.api).login('quinn@customer.example', 'quinn-password')).status,
      401,
    );
  });

  it('no password, secret or sid appears in any app’s log', async () => {
    const browser = new CookieClient(stack.api);
    await browser.login('Administrator', ADMIN_PASSWORD);
    await browser.login('Administrator', 'a wrong password to be kept out of logs');
    for (const [name, app] of stack.apps) {
      const output = app.output();
      for (const secret of [ADMIN_PASSWORD, 'a wrong password', browser.sid!, 'secret-0123456789'])
        assert.equal(output.includes(secret), false, `${name} logged a secret`);
    }
  });

  it('locks a user out after consecutive failures, even with the right password', async () => {
    await stack.call('POST', '/api/resource/User', {
      email: 'rory@customer.example',
      first_name: 'Rory',
      roles: [{ role: 'HD Customer' }],
      new_password: 'rory-password',
    });
    for (let i = 0; i < 3; i += 1) {
      const attempt = await new CookieClient(stack.apis[i % 2]!).login(
        'rory@customer.example',
        'nope',
      );
      assert.equal(attempt.status, 401);
    }
    const locked = await new CookieClient(stack.apis[1]!).login(
      'rory@customer.example',
      'rory-password',
    );
    assert.equal(locked.status, 429);
    assert.equal(locked.body.exc_type, 'TooManyRequestsError');
    assert.match(errorMessage(locked.body) ?? '', /locked and will resume after \d+ seconds/);
    assert.ok(Number(locked.headers.get('retry-after')) > 0);
  });
});

describe('login sessions on the realtime connection', () => {
  let stack: ApiStack;

  before(async () => {
    stack = await startApiStack(
      'session-sockets',
      { HELPDESK_ADMIN_PASSWORD: ADMIN_PASSWORD, AUTH_CACHE_TTL_MS: '0' },
      { realtimeReplicas: 1 },
    );
  });
  after(() => stack?.stop());

  /** A handshake carrying only the `sid` cookie; answers the user it connected as, or the refusal. */
  async function handshake(sid: string, origin?: string) {
    const socket = io(`${stack.apps.get('realtime')!.url}/${SITE}`, {
      path: '/socket.io',
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      extraHeaders: { cookie: `sid=${sid}`, ...(origin ? { origin } : {}) },
    });
    try {
      return await new Promise<{ user?: string; refused?: Json }>((resolve) => {
        socket.once('connect', () => {
          socket.emit('ping');
          resolve({ user: 'connected' });
        });
        socket.once('connect_error', (error: Error & { data?: Json }) =>
          resolve({ refused: error.data ?? { message: error.message } }),
        );
      });
    } finally {
      socket.close();
    }
  }

  it('accepts the sid cookie of a live session from the site, and not after logout', async () => {
    const browser = new CookieClient(stack.api);
    await browser.login('Administrator', ADMIN_PASSWORD);
    const sid = browser.sid!;
    assert.deepEqual(await handshake(sid), { user: 'connected' });
    const host = new URL(stack.apps.get('realtime')!.url).host;
    assert.deepEqual(await handshake(sid, `http://${host}`), { user: 'connected' });

    const crossSite = await handshake(sid, 'https://attacker.example');
    assert.equal(crossSite.refused?.exc_type, 'PermissionError');

    await browser.write('POST', '/api/method/logout');
    const afterLogout = await handshake(sid);
    assert.equal(afterLogout.refused?.exc_type, 'AuthenticationError');
    const forged = await handshake('A'.repeat(43));
    assert.equal(forged.refused?.exc_type, 'AuthenticationError');
  });
});
