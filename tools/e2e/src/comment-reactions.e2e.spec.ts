import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startApiStack, type ApiCall, type ApiStack, type Json } from './support/api-stack.js';
import { docMethod, errorMessage, openTicket, sql } from './support/ticket-api-calls.js';

const COMMENT_API = '/api/method/helpdesk.helpdesk.doctype.hd_ticket_comment.hd_ticket_comment';
const AVERY = 'avery@helpdesk.example';
const BLAKE = 'blake@helpdesk.example';
const PRESET = ['👍', '👎', '❤️', '🎉', '👀', '✅'];

describe('Reactions to internal notes', () => {
  let stack: ApiStack;
  let admin: ApiCall;
  let avery: ApiCall;
  let blake: ApiCall;
  let customer: ApiCall;
  let ticket: number;
  let comment: string;

  const toggle = (as: ApiCall, emoji: string, on = comment) =>
    as('POST', `${COMMENT_API}.toggle_reaction`, { comment: on, emoji });
  const reactions = (as: ApiCall, on = comment) =>
    as('GET', `${COMMENT_API}.get_reactions?comment=${encodeURIComponent(on)}`);
  const setReactions = (enabled: 0 | 1) =>
    admin('PUT', '/api/resource/HD%20Settings/HD%20Settings', {
      enable_comment_reactions: enabled,
    });

  before(async () => {
    stack = await startApiStack('reactions');
    admin = stack.call;
    avery = await stack.as(AVERY, ['Agent']);
    blake = await stack.as(BLAKE, ['Agent']);
    customer = await stack.as('cleo@acme.example');
    await sql(
      stack,
      `INSERT INTO ticket.people_user (name, full_name) VALUES ($1, 'Avery Agent')`,
      [AVERY],
    );
    ticket = (await openTicket(customer, { subject: 'Refund' })).name;
    await docMethod(avery, ticket, 'new_comment', { content: '<p>Refund approved?</p>' });
    const listed = await avery(
      'GET',
      `/api/resource/HD%20Ticket%20Comment?filters=${encodeURIComponent(
        JSON.stringify({ reference_ticket: String(ticket) }),
      )}`,
    );
    comment = (listed.body.data as Json[])[0]?.name;
    assert.ok(comment, 'the note exists');
  });

  after(async () => {
    await stack?.stop();
  });

  it('get_preset_emojis lists the six presets', async () => {
    const { status, body } = await customer('GET', `${COMMENT_API}.get_preset_emojis`);
    assert.equal(status, 200);
    assert.deepEqual(body.message, PRESET);
  });

  it('does nothing while HD Settings enable_comment_reactions is off', async () => {
    const toggled = await toggle(blake, '👍');
    assert.equal(toggled.status, 200, JSON.stringify(toggled.body));
    assert.equal('message' in toggled.body, false);
    assert.deepEqual((await reactions(blake)).body.message, []);
  });

  it('adds, changes and removes a user’s one reaction', async () => {
    assert.equal((await setReactions(1)).status, 200);
    assert.deepEqual((await toggle(blake, '👍')).body.message, { action: 'added', emoji: '👍' });
    assert.deepEqual((await toggle(avery, '❤️')).body.message, { action: 'added', emoji: '❤️' });
    assert.deepEqual((await toggle(blake, '🎉')).body.message, { action: 'changed', emoji: '🎉' });
    assert.deepEqual((await reactions(avery)).body.message, [
      {
        emoji: '🎉',
        users: [{ user: BLAKE, full_name: BLAKE }],
        current_user_reacted: false,
        count: 1,
      },
      {
        emoji: '❤️',
        users: [{ user: AVERY, full_name: 'Avery Agent' }],
        current_user_reacted: true,
        count: 1,
      },
    ]);
    assert.deepEqual((await toggle(blake, '🎉')).body.message, { action: 'removed', emoji: '🎉' });
    await toggle(blake, '❤️');
    assert.deepEqual((await reactions(blake)).body.message, [
      {
        emoji: '❤️',
        users: [
          { user: AVERY, full_name: 'Avery Agent' },
          { user: BLAKE, full_name: BLAKE },
        ],
        current_user_reacted: true,
        count: 2,
      },
    ]);
  });

  it('records reactions on the ticket’s stream, hidden from the customer', async () => {
    const history = async (as: ApiCall) =>
      (
        (await as('POST', '/api/method/helpdesk.api.ticket.get_history', { ticket })).body
          .message as Json[]
      ).map((entry) => entry.event);
    const events = await history(avery);
    assert.ok(events.includes('comment-reaction-added'));
    assert.ok(events.includes('comment-reaction-removed'));
    const theirs = await history(customer);
    assert.ok(!theirs.some((event) => event.startsWith('comment-')));
  });

  it('refuses other emojis, unknown notes and customers with Frappe’s errors', async () => {
    const unicorn = await toggle(blake, '🦄');
    assert.equal(unicorn.status, 417);
    assert.equal(unicorn.body.exc_type, 'ValidationError');
    assert.equal(
      errorMessage(unicorn.body),
      'Invalid emoji. Only preset emojis are allowed: 👍, 👎, ❤️, 🎉, 👀, ✅',
    );
    const unknown = await toggle(blake, '👍', 'no-such-note');
    assert.equal(unknown.status, 417);
    assert.equal(errorMessage(unknown.body), 'Comment not found');
    const both = await toggle(blake, '🦄', 'no-such-note');
    assert.match(errorMessage(both.body) ?? '', /^Invalid emoji/, 'the emoji is checked first');
    assert.equal(errorMessage((await reactions(blake, 'no-such-note')).body), 'Comment not found');
    const theirs = await toggle(customer, '👍');
    assert.equal(theirs.status, 403);
    assert.equal(theirs.body.exc_type, 'PermissionError');
    assert.equal(errorMessage((await reactions(customer)).body), 'Comment not found');
    const missing = await blake('POST', `${COMMENT_API}.toggle_reaction`, { comment });
    assert.equal(missing.status, 417);
    assert.equal(missing.body.exc_type, 'MandatoryError');
  });

  it('a deleted note takes its reactions with it', async () => {
    assert.equal(
      (await avery('DELETE', `/api/resource/HD%20Ticket%20Comment/${comment}`)).status,
      202,
    );
    const rows = await sql(stack, `SELECT * FROM ticket.hd_comment_reaction WHERE comment = $1`, [
      comment,
    ]);
    assert.deepEqual(rows, []);
    assert.equal(errorMessage((await reactions(avery)).body), 'Comment not found');
    await setReactions(0);
  });
});
