import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startApiStack, type ApiStack, type Json } from './support/api-stack.js';
import { errorMessage } from './support/ticket-api-calls.js';

const ACCEPT_INVITATION = '/api/method/frappe.core.api.user_invitation.accept_invitation';

interface Answer {
  status: number;
  body: Json;
  retryAfter: string | null;
}

/**
 * Two gateway replicas with small limits: whichever replica a request reaches, the same Redis
 * counters decide, so a limit is the limit of the deployment, not of each replica.
 */
describe('rate limits across two gateway replicas', () => {
  let stack: ApiStack;

  before(async () => {
    stack = await startApiStack(
      'rate-limits',
      { RATE_LIMIT_USER_PER_MINUTE: '25', RATE_LIMIT_GUEST_IP_PER_MINUTE: '60' },
      { gatewayReplicas: 2 },
    );
  });
  after(() => stack?.stop());

  async function send(
    replica: number,
    path: string,
    token?: string,
    body?: unknown,
  ): Promise<Answer> {
    const response = await fetch(`${stack.apis[replica % 2]}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: {
        ...(token ? { authorization: `token ${token}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return {
      status: response.status,
      body: (await response.json()) as Json,
      retryAfter: response.headers.get('retry-after'),
    };
  }

  it("holds a user's limit whichever replica answers, with 429, Retry-After and the envelope", async () => {
    await stack.as('ana@agents.example', ['Agent']);
    const token = stack.tokenOf('ana@agents.example');
    const answers: Answer[] = [];
    for (let i = 0; i < 32; i += 1)
      answers.push(await send(i, '/api/method/frappe.auth.get_logged_user', token));
    const served = answers.filter((answer) => answer.status === 200);
    const refused = answers.filter((answer) => answer.status === 429);
    assert.equal(served.length, 25, 'exactly the limit is served across both replicas');
    assert.equal(refused.length, 7);
    const [first] = refused;
    assert.equal(first!.body.exc_type, 'TooManyRequestsError');
    assert.match(errorMessage(first!.body) ?? '', /You hit the rate limit/);
    assert.ok(Number(first!.retryAfter) >= 1 && Number(first!.retryAfter) <= 60);

    // Another user is not held back by Ana's requests.
    await stack.as('ben@agents.example', ['Agent']);
    const ben = await send(
      1,
      '/api/method/frappe.auth.get_logged_user',
      stack.tokenOf('ben@agents.example'),
    );
    assert.equal(ben.status, 200);
  });

  it("holds a guest method's own limit (accept_invitation: 30 an hour per address)", async () => {
    const answers: Answer[] = [];
    for (let i = 0; i < 34; i += 1)
      answers.push(await send(i, ACCEPT_INVITATION, undefined, { key: `no-such-key-${i}` }));
    const limited = answers.filter((answer) => answer.status === 429);
    assert.equal(answers.length - limited.length, 30);
    assert.ok(
      answers.slice(0, 30).every((answer) => answer.status !== 429 && answer.status < 500),
      'the first 30 reach the method',
    );
    assert.ok(Number(limited[0]!.retryAfter) > 60, 'retry once the hour has passed');
  });

  it('limits guests by address: the guest budget is spent, credentialed calls still pass', async () => {
    // 34 guest calls above plus these: the 60-a-minute guest budget runs out.
    let refused: Answer | undefined;
    for (let i = 0; i < 40 && !refused; i += 1) {
      const answer = await send(i, '/api/method/ping');
      if (answer.status === 429) refused = answer;
      else assert.equal(answer.status, 200);
    }
    assert.equal(refused?.body.exc_type, 'TooManyRequestsError');
    const admin = await stack.call('GET', '/api/method/frappe.auth.get_logged_user');
    assert.equal(admin.status, 200);
  });
});
