import pg from 'pg';
import type { ApiCall, ApiStack, Json } from './api-stack.js';

export const TICKETS = '/api/resource/HD%20Ticket';
export const TICKET_API = '/api/method/helpdesk.helpdesk.doctype.hd_ticket.api';

/** The message of a Frappe error body (`_server_messages` is JSON text of JSON texts). */
export function errorMessage(body: Json): string | undefined {
  if (typeof body._server_messages !== 'string') return undefined;
  const [first] = JSON.parse(body._server_messages) as string[];
  return first === undefined ? undefined : (JSON.parse(first) as { message: string }).message;
}

/** Asserts-free shorthand for `run_doc_method` on an HD Ticket. */
export function docMethod(as: ApiCall, ticket: unknown, method: string, args: unknown = {}) {
  return as('POST', '/api/method/run_doc_method', { dt: 'HD Ticket', dn: ticket, method, args });
}

export async function openTicket(as: ApiCall, doc: Json): Promise<Json> {
  const created = await as('POST', TICKETS, doc);
  if (created.status !== 200) throw new Error(`open failed: ${JSON.stringify(created.body)}`);
  return created.body.data as Json;
}

/** Runs SQL on the stack's database, e.g. to give ticket-service's people copy known users. */
export async function sql(stack: ApiStack, text: string, values: unknown[] = []): Promise<Json[]> {
  const client = new pg.Client({ connectionString: stack.db.url });
  await client.connect();
  try {
    return (await client.query(text, values)).rows as Json[];
  } finally {
    await client.end();
  }
}
