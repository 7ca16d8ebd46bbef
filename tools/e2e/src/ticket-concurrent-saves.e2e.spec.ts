import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { startApiStack, type ApiStack, type Json } from './support/api-stack.js';

/**
 * A ticket command re-runs after losing the expected-version race this many times
 * (`handleCommand`'s default of 3 retries), so this many writers on one ticket always get through.
 */
const WRITERS_THAT_ALWAYS_GET_THROUGH = 4;

describe('Concurrent saves of one HD Ticket', () => {
  let stack: ApiStack;
  const call: ApiStack['call'] = (method, path, body) => stack.call(method, path, body);
  const ticketPath = (name: number) => `/api/resource/HD%20Ticket/${name}`;

  before(async () => {
    stack = await startApiStack('saves');
  });

  after(async () => {
    await stack?.stop();
  });

  async function openTicket(): Promise<Json> {
    const created = await call('POST', '/api/resource/HD%20Ticket', {
      subject: 'Invoice total is wrong',
      raised_by: 'pat@acme.example',
    });
    assert.equal(created.status, 200);
    return created.body.data;
  }

  /** The ticket's stored events after `version` (0: all of them), oldest first. */
  async function eventsAfter(name: number, version = 0): Promise<Json[]> {
    const client = new pg.Client({ connectionString: stack.db.url });
    await client.connect();
    try {
      const { rows } = await client.query(
        `SELECT event_type, data FROM ticket.events
         WHERE stream_id = $1 AND stream_version > $2 ORDER BY stream_version`,
        [`ticket-${name}`, version],
      );
      return rows;
    } finally {
      await client.end();
    }
  }

  const streamVersion = async (name: number) => (await eventsAfter(name)).length;

  /** Every change sent at once, each in its own PUT. */
  const saveAllAtOnce = (name: number, changes: Record<string, string>[]) =>
    Promise.all(changes.map((change) => call('PUT', ticketPath(name), change)));

  async function assertStored(name: number, changes: Record<string, string>[]): Promise<void> {
    const stored = (await call('GET', ticketPath(name))).body.data;
    for (const change of changes) {
      for (const [field, value] of Object.entries(change)) assert.equal(stored[field], value);
    }
  }

  it('lets one of two saves of the same copy through and refuses the other with 409', async () => {
    const ticket = await openTicket();
    const version = await streamVersion(ticket.name);
    const [high, low] = await Promise.all(
      ['High', 'Low'].map((priority) =>
        call('PUT', ticketPath(ticket.name), { modified: ticket.modified, priority }),
      ),
    );
    const answers = [high!, low!];
    assert.deepEqual(answers.map((a) => a.status).sort(), [200, 409]);

    const winner = answers.find((a) => a.status === 200)!;
    const loser = answers.find((a) => a.status === 409)!;
    assert.equal(loser.body.exc_type, 'TimestampMismatchError');
    const [message] = JSON.parse(loser.body._server_messages).map((m: string) => JSON.parse(m));
    assert.equal(
      message.message,
      `Document has been modified after you have opened it (${winner.body.data.modified}, ` +
        `${ticket.modified}). Please refresh to get the latest document.`,
    );

    const stored = await call('GET', ticketPath(ticket.name));
    assert.equal(stored.body.data.priority, winner.body.data.priority);
    assert.notEqual(stored.body.data.modified, ticket.modified);
    const events = await eventsAfter(ticket.name, version);
    assert.deepEqual(
      events.map((e) => [e.event_type, e.data.priority]),
      [['TicketPriorityChanged', winner.body.data.priority]],
    );
  });

  it('saves again with the `modified` the last save answered', async () => {
    const ticket = await openTicket();
    const first = await call('PUT', ticketPath(ticket.name), {
      modified: ticket.modified,
      priority: 'Urgent',
    });
    assert.equal(first.status, 200);
    const second = await call('PUT', ticketPath(ticket.name), {
      modified: first.body.data.modified,
      priority: 'Low',
    });
    assert.equal(second.status, 200);
    assert.equal(second.body.data.priority, 'Low');
    const stale = await call('PUT', ticketPath(ticket.name), {
      modified: first.body.data.modified,
      priority: 'High',
    });
    assert.equal(stale.status, 409);
  });

  it('keeps every change when writers without `modified` race on different fields', async () => {
    const ticket = await openTicket();
    const version = await streamVersion(ticket.name);
    const changes: Record<string, string>[] = [
      { subject: 'Invoice total is wrong on page 2' },
      { description: '<p>The VAT line is counted twice.</p>' },
      { resolution_details: '<p>Recomputed the invoice.</p>' },
      { summary: 'VAT counted twice' },
    ];
    assert.equal(changes.length, WRITERS_THAT_ALWAYS_GET_THROUGH);
    const answers = await saveAllAtOnce(ticket.name, changes);
    assert.deepEqual(
      answers.map((a) => a.status),
      changes.map(() => 200),
    );

    await assertStored(ticket.name, changes);
    const events = await eventsAfter(ticket.name, version);
    assert.deepEqual(events.map((e) => e.event_type).sort(), [
      'TicketDescriptionChanged',
      'TicketFieldsChanged',
      'TicketResolutionDetailsChanged',
      'TicketSubjectChanged',
    ]);
  });

  it('never loses a change when more writers race than the retries cover: the rest get 409', async () => {
    const ticket = await openTicket();
    const version = await streamVersion(ticket.name);
    const changes: Record<string, string>[] = [
      { subject: 'Invoice total is still wrong' },
      { description: '<p>Now the discount is missing.</p>' },
      { resolution_details: '<p>Re-issued the invoice.</p>' },
      { summary: 'Discount missing' },
      { priority: 'High' },
      { email_account: 'Billing' },
      { content_type: 'text/html' },
      { attachment: 'invoice.pdf' },
    ];
    const answers = await saveAllAtOnce(ticket.name, changes);
    for (const answer of answers) {
      if (answer.status !== 200) {
        assert.equal(answer.status, 409);
        assert.equal(answer.body.exc_type, 'TimestampMismatchError');
      }
    }

    const saved = changes.filter((_, i) => answers[i]!.status === 200);
    assert.ok(saved.length >= WRITERS_THAT_ALWAYS_GET_THROUGH, `only ${saved.length} got through`);
    await assertStored(ticket.name, saved);
    assert.equal((await eventsAfter(ticket.name, version)).length, saved.length);
  });
});
