import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { waitFor } from '@helpdesk/shared-testing';
import { API_DOCTYPES, API_METHODS } from './support/api-routes.js';
import { startApiStack, type ApiCall, type ApiStack, type Json } from './support/api-stack.js';
import {
  AUTHORIZATION_TABLE,
  PASSES,
  PERSONAS,
  RESOURCE_OPERATIONS,
  type Expected,
  type Fixtures,
  type Persona,
  type RouteRequest,
} from './support/authorization-table.js';

/** Every route the API answers, as the table names them. */
function enumeratedRoutes(): Set<string> {
  return new Set([
    ...API_METHODS.map((method) => `method ${method}`),
    ...API_DOCTYPES.flatMap((doctype) =>
      RESOURCE_OPERATIONS.map((operation) => `resource ${doctype} ${operation}`),
    ),
  ]);
}

async function send(
  api: string,
  token: string | undefined,
  request: RouteRequest,
): Promise<{ status: number; body: string }> {
  const response = await fetch(`${api}${request.path}`, {
    method: request.method,
    headers: {
      ...(token ? { Authorization: `token ${token}` } : {}),
      ...(request.body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
  });
  return { status: response.status, body: await response.text() };
}

function matches(expected: Expected, status: number): boolean {
  if (expected === PASSES) return status !== 401 && status !== 403 && status < 500;
  return expected === status;
}

describe('authorisation matrix: every route × every persona', () => {
  it('the table has exactly one row for every route the API answers', () => {
    const enumerated = enumeratedRoutes();
    const rows = AUTHORIZATION_TABLE.map((row) => row.route);
    const duplicated = rows.filter((route, i) => rows.indexOf(route) !== i);
    assert.deepEqual(duplicated, [], 'routes with more than one row');
    const missing = [...enumerated].filter((route) => !rows.includes(route));
    assert.deepEqual(missing, [], 'routes without a row');
    const unknown = rows.filter((route) => !enumerated.has(route));
    assert.deepEqual(unknown, [], 'rows naming no route');
    assert.ok(rows.includes('method run_doc_method'), 'the by-DocType methods were read');
  });

  describe('on a running stack', () => {
    let stack: ApiStack;
    let fixtures: Fixtures;
    const tokens = new Map<Persona, string>();
    let counter = 0;

    const users: Record<Persona, string> = {
      guest: 'Guest',
      customerA: 'ann@alpha.example',
      customerB: 'ben@beta.example',
      agentX: 'xena@example.com',
      agentOutside: 'otto@example.com',
      manager: 'mia@example.com',
      admin: 'Administrator',
    };

    async function ok(as: ApiCall, verb: string, path: string, body?: unknown): Promise<Json> {
      const answer = await as(verb, path, body);
      assert.ok(
        answer.status < 300,
        `${verb} ${path}: ${answer.status} ${JSON.stringify(answer.body)}`,
      );
      return answer.body;
    }

    /** A portal user with a Contact of their own address, as the API makes them. */
    async function customer(email: string, company: string): Promise<string> {
      await ok(stack.call, 'POST', '/api/resource/User', {
        email,
        roles: [{ role: 'HD Customer' }],
      });
      const contact = await ok(stack.call, 'POST', '/api/resource/Contact', {
        first_name: email.split('@')[0],
        email_ids: [{ email_id: email, is_primary: 1 }],
      });
      await ok(stack.call, 'POST', '/api/resource/HD Customer', {
        customer_name: company,
        contacts: [{ contact_name: contact.data.name }],
      });
      return contact.data.name as string;
    }

    async function communicationOf(ticket: string): Promise<string> {
      const filters = encodeURIComponent(JSON.stringify([['reference_name', '=', ticket]]));
      const listed = await ok(
        stack.call,
        'GET',
        `/api/resource/Communication?filters=${filters}&order_by=creation asc`,
      );
      if (listed.data.length > 0) return listed.data[0].name as string;
      await ok(stack.call, 'POST', '/api/method/run_doc_method', {
        dt: 'HD Ticket',
        dn: ticket,
        method: 'reply_via_agent',
        args: { message: 'we are on it' },
      });
      return communicationOf(ticket);
    }

    before(async () => {
      stack = await startApiStack(
        'authz',
        { HELPDESK_RATE_LIMITS: 'off' },
        { sla: true, assignmentReplicas: 1, metrics: true, knowledge: true },
      );
      await ok(stack.call, 'POST', '/api/method/helpdesk.api.agent.sent_invites', {
        emails: [users.agentX, users.agentOutside, users.manager, 'rolf@example.com'],
        send_welcome_mail_to_user: false,
      });
      await ok(stack.call, 'POST', '/api/resource/HD Team', {
        team_name: 'Team X',
        users: [{ user: users.agentX }],
      });
      await ok(stack.call, 'POST', '/api/resource/HD Team', {
        team_name: 'Team Y',
        users: [{ user: users.agentOutside }],
      });
      await ok(
        stack.call,
        'POST',
        '/api/method/helpdesk.helpdesk.doctype.hd_agent.hd_agent.update_agent_role',
        { user: users.manager, new_role: 'Manager' },
      );
      const contactA = await customer(users.customerA, 'Alpha');
      await customer(users.customerB, 'Beta');
      await ok(stack.call, 'POST', '/api/resource/User', { email: 'tess@example.com' });
      await ok(stack.call, 'PUT', '/api/resource/HD Settings/HD Settings', {
        restrict_tickets_by_agent_group: 1,
        enable_comment_reactions: 1,
      });
      await ok(stack.call, 'POST', '/api/resource/HD Ticket Feedback Option', {
        label: 'Helpful',
        rating: 0.8,
      });
      tokens.set('admin', stack.tokenOf('Administrator'));
      const callers = new Map<Persona, ApiCall>();
      for (const persona of PERSONAS.filter((p) => p !== 'guest' && p !== 'admin')) {
        callers.set(persona, await stack.keysOf(users[persona]));
        tokens.set(persona, stack.tokenOf(users[persona]));
      }
      const asA = callers.get('customerA')!;
      const asX = callers.get('agentX')!;

      async function freshTicket(): Promise<{ name: string; communication: string }> {
        const created = await ok(asA, 'POST', '/api/resource/HD Ticket', {
          subject: 'A question',
          description: `asked ${++counter}`,
        });
        const name = String(created.data.name);
        await ok(stack.call, 'PUT', `/api/resource/HD Ticket/${name}`, { agent_group: 'Team X' });
        return { name, communication: await communicationOf(name) };
      }

      const ticketA = await freshTicket();
      // ticket-service learns teams from agent-service's events: wait until agent X sees the ticket.
      await waitFor(
        async () =>
          (await asX('GET', `/api/resource/HD Ticket/${ticketA.name}`)).status === 200 || undefined,
        { what: 'agent X to see the team’s ticket' },
      );
      await ok(asX, 'POST', '/api/method/run_doc_method', {
        dt: 'HD Ticket',
        dn: ticketA.name,
        method: 'new_comment',
        args: { content: '<p>internal note</p>' },
      });
      const comments = await ok(
        stack.call,
        'GET',
        `/api/resource/HD Ticket Comment?filters=${encodeURIComponent(JSON.stringify({ reference_ticket: ticketA.name }))}`,
      );
      const teamX = await waitFor(
        async () => {
          const team = await stack.call('GET', '/api/resource/HD Team/Team X');
          return (team.body.data?.assignment_rule as string | undefined) || undefined;
        },
        { what: 'Team X’s assignment rule' },
      );

      fixtures = {
        users,
        ticketA: ticketA.name,
        commentA: comments.data[0].name as string,
        communicationA: ticketA.communication,
        contactA,
        hdCustomerA: 'Alpha',
        teamX: 'Team X',
        assignmentRule: teamX,
        roleTarget: 'rolf@example.com',
        userTarget: 'tess@example.com',
        fresh: (prefix) => `${prefix}-${++counter}`,
        freshTicket,
        async freshDoc(doctype, body) {
          const created = await ok(
            stack.call,
            'POST',
            `/api/resource/${encodeURIComponent(doctype)}`,
            body,
          );
          return String(created.data.name);
        },
        async freshInvitation() {
          const email = `pending-${++counter}@example.com`;
          await ok(
            stack.call,
            'POST',
            '/api/method/frappe.core.api.user_invitation.invite_by_email',
            {
              emails: email,
              roles: ['HD Customer'],
              app_name: 'helpdesk',
            },
          );
          const pending = await ok(
            stack.call,
            'GET',
            '/api/method/frappe.core.api.user_invitation.get_pending_invitations?app_name=helpdesk',
          );
          return (pending.message as Json[]).find((row) => row.email === email)!.name as string;
        },
        admin: stack.call,
      };
    });

    after(async () => {
      await stack?.stop();
    });

    const cellCount = AUTHORIZATION_TABLE.length * PERSONAS.length;
    const exactCount = AUTHORIZATION_TABLE.flatMap((row) => row.expect).filter(
      (expected) => expected !== PASSES,
    ).length;
    it(`answers ${AUTHORIZATION_TABLE.length} routes × ${PERSONAS.length} personas = ${cellCount} cells (${exactCount} exact, ${cellCount - exactCount} "passes the check") as the table says`, async () => {
      const started = Date.now();
      const wrong: string[] = [];
      let cells = 0;
      let exact = 0;
      // One call at a time: several cells change the same documents.
      for (const row of AUTHORIZATION_TABLE) {
        for (const [i, persona] of PERSONAS.entries()) {
          const expected = row.expect[i]!;
          cells++;
          if (expected !== PASSES) exact++;
          let answer: { status: number; body: string };
          try {
            answer = await send(
              stack.api,
              tokens.get(persona),
              await row.request(fixtures, persona),
            );
          } catch (error) {
            wrong.push(
              `${row.route} as ${persona}: the request could not be prepared: ${String(error)}`,
            );
            continue;
          }
          if (!matches(expected, answer.status))
            wrong.push(
              `${row.route} as ${persona}: expected ${expected}, got ${answer.status} ${answer.body.slice(0, 160)}`,
            );
        }
      }
      console.log(
        `authorisation matrix: ${AUTHORIZATION_TABLE.length} routes × ${PERSONAS.length} personas = ${cells} cells ` +
          `(${exact} exact, ${cells - exact} "passes the check") in ${((Date.now() - started) / 1000).toFixed(1)} s`,
      );
      assert.deepEqual(wrong, [], `${wrong.length} cells differ:\n${wrong.join('\n')}`);
    });
  });
});
