import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startApiStack, type ApiCall, type ApiStack, type Json } from './support/api-stack.js';
import {
  TICKETS,
  TICKET_API,
  docMethod,
  errorMessage,
  openTicket,
} from './support/ticket-api-calls.js';

const AGENT = 'agent@helpdesk.example';
const CUSTOMER = 'dana@acme.example';

describe('Merging and splitting tickets', () => {
  let stack: ApiStack;
  let agent: ApiCall;
  let customer: ApiCall;

  before(async () => {
    stack = await startApiStack('merge-split');
    agent = await stack.as(AGENT, ['Agent']);
    customer = await stack.as(CUSTOMER);
  });

  after(async () => {
    await stack?.stop();
  });

  const ticketOf = async (name: number) =>
    (await agent('POST', `${TICKET_API}.get_one`, { name })).body.message as Json;
  const timeline = async (name: number) =>
    (
      (await agent('POST', '/api/method/helpdesk.api.ticket.get_history', { ticket: name })).body
        .message as Json[]
    ).map((entry) => entry.event);
  const merge = (as: ApiCall, source: unknown, target: unknown) =>
    as('POST', `${TICKET_API}.merge_ticket`, { source, target });
  const split = (as: ApiCall, args: Json) => as('POST', `${TICKET_API}.split_ticket`, args);

  describe('merge_ticket', () => {
    let source: number;
    let target: number;

    before(async () => {
      source = (await openTicket(customer, { subject: 'Cannot print', description: '<p>Jam</p>' }))
        .name;
      await docMethod(agent, source, 'reply_via_agent', { message: '<p>Which printer?</p>' });
      await docMethod(agent, source, 'new_comment', { content: '<p>Same as the other one</p>' });
      target = (await openTicket(customer, { subject: 'Printer offline' })).name;
    });

    it('closes the source into the target and says so on both', async () => {
      const merged = await merge(agent, source, String(target));
      assert.equal(merged.status, 200, JSON.stringify(merged.body));
      assert.equal('message' in merged.body, false, 'merge_ticket returns None');

      const closed = await ticketOf(source);
      assert.equal(closed.status, 'Closed');
      assert.equal(closed.is_merged, 1);
      assert.equal(String(closed.merged_with), String(target));
      const notice = (closed.communications as Json[]).at(-1);
      assert.equal(notice?.sent_or_received, 'Sent');
      assert.equal(
        notice?.content,
        `This ticket (#${source}) has been merged with ticket <a href = '/helpdesk/tickets/${target}'>#${target}</a>.`,
      );
      assert.equal((closed.history as Json[])[0]?.action, 'set status to Closed');
      assert.deepEqual((await timeline(source)).slice(-3), [
        'merged-into',
        'status-changed',
        'agent-replied',
      ]);
    });

    it('copies the source’s conversation onto the target, keeping authors and dates', async () => {
      const original = await ticketOf(source);
      const merged = await ticketOf(target);
      const copied = (merged.communications as Json[]).map((c) => [
        c.sent_or_received,
        c.sender,
        c.content,
        c.creation,
      ]);
      const originals = (original.communications as Json[])
        .slice(0, -1)
        .map((c) => [c.sent_or_received, c.sender, c.content, c.creation]);
      assert.deepEqual(copied, originals);
      const names = new Set((original.communications as Json[]).map((c) => c.name));
      assert.ok(
        (merged.communications as Json[]).every((c) => !names.has(c.name)),
        'new names',
      );
      const [note, announcement] = merged.comments as Json[];
      assert.deepEqual(
        [note?.commented_by, note?.content, note?.creation],
        [AGENT, '<p>Same as the other one</p>', (original.comments as Json[])[0]?.creation],
      );
      assert.equal(announcement?.commented_by, AGENT);
      assert.equal(
        announcement?.content,
        `Ticket <a href=/helpdesk/tickets/${source}> #${source}</a>  has been merged with ticket #${target}.`,
      );
      assert.deepEqual((await timeline(target)).slice(-2), ['merged', 'comment-added']);
      const theirs = await customer('POST', '/api/method/helpdesk.api.ticket.get_history', {
        ticket: target,
      });
      const mergedEntry = (theirs.body.message as Json[]).find((e) => e.event === 'merged');
      assert.ok(mergedEntry && !('comments' in mergedEntry.data), 'customers see no copied notes');
    });

    it('copied notes belong to the target: their author can edit them there', async () => {
      const [note] = (await ticketOf(target)).comments as Json[];
      const edited = await agent('PUT', `/api/resource/HD%20Ticket%20Comment/${note?.name}`, {
        content: '<p>Edited after the merge</p>',
      });
      assert.equal(edited.status, 200, JSON.stringify(edited.body));
      assert.equal(edited.body.data.reference_ticket, String(target));
    });

    it('refuses with Frappe’s messages and guards', async () => {
      const expect417 = async (call: Promise<{ status: number; body: Json }>, message: string) => {
        const { status, body } = await call;
        assert.equal(status, 417, JSON.stringify(body));
        assert.equal(body.exc_type, 'ValidationError');
        assert.equal(errorMessage(body), message);
      };
      await expect417(merge(agent, 999999, target), 'Source ticket does not exist');
      await expect417(merge(agent, 'not-a-ticket', target), 'Source ticket does not exist');
      await expect417(merge(agent, target, 999999), 'Target ticket does not exist');
      await expect417(
        merge(agent, target, String(target)),
        'Source and target ticket cannot be same',
      );
      const theirs = await merge(customer, source, target);
      assert.equal(theirs.status, 403);
      assert.equal(errorMessage(theirs.body), 'You are not permitted to access this resource.');
      const missing = await agent('POST', `${TICKET_API}.merge_ticket`, { source });
      assert.equal(missing.status, 417);
      assert.equal(missing.body.exc_type, 'MandatoryError');
    });
  });

  describe('split_ticket', () => {
    let original: number;
    let from: string;

    before(async () => {
      original = (
        await openTicket(customer, { subject: 'Login fails', description: '<p>Error 500</p>' })
      ).name;
      await docMethod(agent, original, 'reply_via_agent', { message: '<p>Fixed it</p>' });
      await docMethod(agent, original, 'new_comment', { content: '<p>Cache issue</p>' });
      await docMethod(customer, original, 'create_communication_via_contact', {
        message: '<p>Thanks! Also, my invoice is wrong</p>',
      });
      await docMethod(agent, original, 'new_comment', { content: '<p>Billing question</p>' });
      await agent('PUT', `${TICKETS}/${original}`, { priority: 'High' });
      const communications = (await ticketOf(original)).communications as Json[];
      from = communications.at(-1)?.name;
    });

    it('opens a new ticket from the Communication on and answers its name', async () => {
      const { status, body } = await split(agent, {
        subject: 'Invoice is wrong',
        communication_id: from,
      });
      assert.equal(status, 200, JSON.stringify(body));
      const name = body.message as number;
      assert.equal(typeof name, 'number');
      const fresh = await ticketOf(name);
      assert.equal(fresh.subject, 'Invoice is wrong');
      assert.equal(String(fresh.ticket_split_from), String(original));
      assert.equal(fresh.raised_by, CUSTOMER);
      assert.equal(fresh.status, 'Open');
      assert.equal(fresh.description, null);
      assert.match(String(fresh.opening_time), /^\d{1,2}:\d{2}:\d{2}/);
      assert.deepEqual(
        (fresh.communications as Json[]).map((c) => [c.name, c.content]),
        [[from, '<p>Thanks! Also, my invoice is wrong</p>']],
      );
      assert.deepEqual(
        (fresh.comments as Json[]).map((c) => c.content),
        ['<p>Billing question</p>'],
      );
      assert.deepEqual(
        (fresh.history as Json[]).map((h) => h.action),
        [`split the ticket from #${original}`, 'set priority to High'],
      );
      assert.equal((await customer('POST', `${TICKET_API}.get_one`, { name })).status, 200);
    });

    it('leaves the earlier conversation on the original, with a notice pointing onwards', async () => {
      const left = await ticketOf(original);
      const split = (await timeline(original)).filter((e) => e === 'split');
      assert.equal(split.length, 1);
      const communications = left.communications as Json[];
      assert.deepEqual(
        communications.slice(0, 2).map((c) => c.content),
        ['<p>Error 500</p>', '<p>Fixed it</p>'],
      );
      assert.equal(communications.length, 3);
      assert.match(
        communications[2]?.content,
        /^This ticket has been split to a new ticket\. Please follow up on ticket <a href=\/helpdesk\/tickets\/\d+>#\d+<\/a>\.$/,
      );
      assert.deepEqual(
        (left.comments as Json[]).map((c) => c.content),
        ['<p>Cache issue</p>'],
      );
      assert.ok(!(left.history as Json[]).some((h) => h.action === 'set priority to High'));
    });

    it('moved notes are the new ticket’s: their author edits them there', async () => {
      const moved = await agent(
        'GET',
        `/api/resource/HD%20Ticket%20Comment?fields=["name","reference_ticket"]&filters=${encodeURIComponent(
          JSON.stringify({ content: '<p>Billing question</p>' }),
        )}`,
      );
      const [note] = moved.body.data as Json[];
      const edited = await agent('PUT', `/api/resource/HD%20Ticket%20Comment/${note?.name}`, {
        content: '<p>Billing question (moved)</p>',
      });
      assert.equal(edited.status, 200, JSON.stringify(edited.body));
      assert.equal(edited.body.data.content, '<p>Billing question (moved)</p>');
      assert.equal(edited.body.data.reference_ticket, note?.reference_ticket);
    });

    it('refuses customers, unknown Communications and a missing subject', async () => {
      const theirs = await split(customer, { subject: 'x', communication_id: from });
      assert.equal(theirs.status, 403);
      const unknown = await split(agent, { subject: 'x', communication_id: 'no-such-thing' });
      assert.equal(unknown.status, 404);
      assert.equal(unknown.body.exc_type, 'DoesNotExistError');
      const unnamed = await split(agent, { communication_id: from });
      assert.equal(unnamed.status, 417);
      assert.equal(unnamed.body.exc_type, 'MandatoryError');
    });
  });

  it('keeps both tickets whole when two merges race for the same source', async () => {
    const source = (await openTicket(customer, { subject: 'Race source' })).name;
    const one = (await openTicket(customer, { subject: 'Race one' })).name;
    const two = (await openTicket(customer, { subject: 'Race two' })).name;
    const results = await Promise.all([merge(agent, source, one), merge(agent, source, two)]);
    assert.ok(
      results.every((r) => r.status === 200 || r.status === 409),
      JSON.stringify(results),
    );
    const closed = await ticketOf(source);
    const notices = (closed.communications as Json[]).filter((c) => c.sent_or_received === 'Sent');
    const succeeded = results.filter((r) => r.status === 200).length;
    assert.equal(notices.length, succeeded, 'one notice per merge that happened');
    const announced = async (target: number) =>
      ((await ticketOf(target)).comments as Json[]).filter((c) =>
        String(c.content).includes('has been merged'),
      ).length;
    assert.equal((await announced(one)) + (await announced(two)), succeeded);
    assert.ok([String(one), String(two)].includes(String(closed.merged_with)));
  });
});
