import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { waitFor } from '@helpdesk/shared-testing';
import { startApiStack, type ApiCall, type ApiStack, type Json } from './support/api-stack.js';

const A = 'ann@alpha.example'; // customer of Alpha
const B = 'ben@beta.example'; // customer of Beta
const X = 'xena@example.com'; // agent in Team X
const OUT = 'otto@example.com'; // agent in Team Y

const TICKETS = '/api/resource/HD%20Ticket';
const SEARCH = '/api/method/helpdesk.api.search.search';
const FILTER_OPTIONS = '/api/method/helpdesk.api.search.get_filter_options';

interface SearchAnswer {
  results: Json[];
  summary: Json;
}

/**
 * `helpdesk.api.search.search` and `get_filter_options` through the gateway: ranking, highlighting,
 * prefixes, filters and counts, and above all that nobody finds what they may not read.
 */
describe('global search', () => {
  let stack: ApiStack;
  const as = new Map<string, ApiCall>();
  /** Alpha's: a subject match, a description-only match, and one with a hostile subject. */
  let subjectHit = '';
  let descriptionHit = '';
  let hostileSubject = '';
  /** Beta's, in Team Y. */
  let betaTicket = '';
  let comment = '';
  /** Agent X's reply on `subjectHit`. */
  let communication = '';
  /** The e-mail `descriptionHit` opened with: a ticket raised on the portal starts with one. */
  let openingMail = '';

  async function ok(caller: ApiCall, verb: string, path: string, body?: unknown): Promise<Json> {
    const answer = await caller(verb, path, body);
    assert.ok(
      answer.status < 300,
      `${verb} ${path}: ${answer.status} ${JSON.stringify(answer.body)}`,
    );
    return answer.body;
  }

  async function search(caller: ApiCall, args: Record<string, unknown>): Promise<SearchAnswer> {
    return (await ok(caller, 'POST', SEARCH, args)).message as SearchAnswer;
  }

  const ids = (answer: SearchAnswer) => answer.results.map((result) => result.id as string);
  const ticketId = (name: string) => `HD Ticket:${name}`;

  async function customer(email: string, company: string): Promise<void> {
    await ok(stack.call, 'POST', '/api/resource/User', { email, roles: [{ role: 'HD Customer' }] });
    const contact = await ok(stack.call, 'POST', '/api/resource/Contact', {
      first_name: email.split('@')[0],
      email_ids: [{ email_id: email, is_primary: 1 }],
    });
    await ok(stack.call, 'POST', '/api/resource/HD Customer', {
      customer_name: company,
      contacts: [{ contact_name: contact.data.name }],
    });
    as.set(email, await stack.keysOf(email));
  }

  async function open(caller: ApiCall, subject: string, description: string, team: string) {
    const opened = await ok(caller, 'POST', TICKETS, { subject, description });
    const name = String(opened.data.name);
    await ok(stack.call, 'PUT', `${TICKETS}/${name}`, { agent_group: team });
    return name;
  }

  before(async () => {
    stack = await startApiStack('globalsearch', { HELPDESK_RATE_LIMITS: 'off' });
    await ok(stack.call, 'POST', '/api/method/helpdesk.api.agent.sent_invites', {
      emails: [X, OUT],
      send_welcome_mail_to_user: false,
    });
    await ok(stack.call, 'POST', '/api/resource/HD Team', {
      team_name: 'Team X',
      users: [{ user: X }],
    });
    await ok(stack.call, 'POST', '/api/resource/HD Team', {
      team_name: 'Team Y',
      users: [{ user: OUT }],
    });
    await customer(A, 'Alpha');
    await customer(B, 'Beta');
    for (const agent of [X, OUT]) as.set(agent, await stack.keysOf(agent));
    await ok(stack.call, 'PUT', '/api/resource/HD Settings/HD Settings', {
      restrict_tickets_by_agent_group: 1,
    });
    const ann = as.get(A)!;
    subjectHit = await open(ann, 'Zephyrine refund overdue', '<p>We paid twice.</p>', 'Team X');
    descriptionHit = await open(
      ann,
      'Invoice question',
      '<p>Where is my <b>zephyrine</b> credit? 5 &lt; 6 &amp; "quotes" &lt;/p&gt;</p>',
      'Team X',
    );
    hostileSubject = await open(
      ann,
      `Quote's drop-table (weird) case`,
      '<p>Nothing else.</p>',
      'Team X',
    );
    betaTicket = await open(as.get(B)!, 'Zephyrine for Beta', '<p>Beta secrets</p>', 'Team Y');
    await waitFor(
      async () => (await as.get(X)!('GET', `${TICKETS}/${subjectHit}`)).status === 200 || undefined,
      { what: 'agent X to see Team X’s ticket' },
    );
    await waitFor(
      async () =>
        (await as.get(OUT)!('GET', `${TICKETS}/${betaTicket}`)).status === 200 || undefined,
      { what: 'agent Otto to see Team Y’s ticket' },
    );
    const runOnTicket = (method: string, args: Json) =>
      ok(as.get(X)!, 'POST', '/api/method/run_doc_method', {
        dt: 'HD Ticket',
        dn: subjectHit,
        method,
        args,
      });
    await runOnTicket('new_comment', { content: '<p>internal: zephyrine owes us money</p>' });
    await runOnTicket('reply_via_agent', { message: '<p>Your zephyrine refund is on its way</p>' });
    const filters = encodeURIComponent(JSON.stringify({ reference_ticket: subjectHit }));
    comment = (await ok(stack.call, 'GET', `/api/resource/HD Ticket Comment?filters=${filters}`))
      .data[0].name as string;
    const mails = async (filters: Json) =>
      (
        await ok(
          stack.call,
          'GET',
          `/api/resource/Communication?filters=${encodeURIComponent(JSON.stringify(filters))}`,
        )
      ).data as Json[];
    communication = (await mails({ reference_name: subjectHit, sent_or_received: 'Sent' }))[0]!
      .name as string;
    const opening = await mails({ reference_name: descriptionHit });
    assert.equal(opening.length, 1);
    openingMail = opening[0]!.name as string;
  });

  after(async () => {
    await stack?.stop();
  });

  it('ranks a subject match above a description-only match, and marks the matches', async () => {
    const answer = await search(stack.call, { query: 'zephyrine' });
    const order = ids(answer);
    assert.ok(
      order.indexOf(ticketId(subjectHit)) < order.indexOf(ticketId(descriptionHit)),
      order.join(', '),
    );
    assert.ok(
      order.indexOf(ticketId(betaTicket)) < order.indexOf(ticketId(descriptionHit)),
      order.join(', '),
    );
    const byId = new Map(answer.results.map((result) => [result.id as string, result]));
    const top = byId.get(ticketId(subjectHit))!;
    assert.equal(top.title, '<mark>Zephyrine</mark> refund overdue');
    assert.equal(top.doctype, 'HD Ticket');
    assert.equal(top.name, Number(subjectHit));
    assert.equal(top.reference_ticket, Number(subjectHit));
    assert.equal(top.agent_group, 'Team X');
    assert.equal(typeof top.modified, 'number');
    const body = byId.get(ticketId(descriptionHit))!;
    assert.equal(body.title, 'Invoice question');
    // The stored markup is text in the snippet; only <mark> is a tag.
    assert.match(body.content as string, /<mark>zephyrine<\/mark> credit\?/);
    assert.match(body.content as string, /credit\? 5 &lt; 6 &amp; &quot;quotes/);
    assert.ok(!/<(?!\/?mark>)/.test(JSON.stringify(answer.results)), 'a tag other than <mark>');
    const mail = byId.get(`Communication:${communication}`)!;
    assert.equal(mail.reference_doctype, 'HD Ticket');
    assert.equal(mail.reference_name, Number(subjectHit));
    assert.equal(mail.title, '');
    assert.match(mail.content as string, /<mark>zephyrine<\/mark> refund/);
  });

  it('matches the last word as a prefix', async () => {
    const typed = ids(await search(stack.call, { query: 'zephyri' }));
    assert.ok(typed.includes(ticketId(subjectHit)), typed.join(', '));
    const twoWords = ids(await search(stack.call, { query: 'Zephyrine ref' }));
    assert.ok(twoWords.includes(ticketId(subjectHit)), twoWords.join(', '));
    assert.ok(!twoWords.includes(ticketId(betaTicket)), twoWords.join(', '));
    const titles = await search(stack.call, { query: 'invoi', title_only: 1 });
    assert.deepEqual(ids(titles), [ticketId(descriptionHit)]);
    assert.equal(titles.summary.title_only, true);
  });

  it('a customer finds only their own tickets and their e-mails, never notes', async () => {
    const ann = await search(as.get(A)!, { query: 'zephyrine' });
    assert.deepEqual(
      ids(ann).sort(),
      [
        ticketId(subjectHit),
        ticketId(descriptionHit),
        `Communication:${communication}`,
        `Communication:${openingMail}`,
      ].sort(),
    );
    assert.ok(!/internal|Beta/.test(JSON.stringify(ann)), JSON.stringify(ann));
    const ben = await search(as.get(B)!, { query: 'zephyrine' });
    assert.deepEqual(ids(ben), [ticketId(betaTicket)]);
    assert.equal(ben.summary.total_matches, 1);
    for (const filters of [
      { doctype: ['HD Ticket Comment'] },
      { reference_ticket: subjectHit },
      { customer: 'Alpha' },
    ]) {
      const asked = await search(as.get(B)!, {
        query: 'zephyrine',
        filters: JSON.stringify(filters),
      });
      assert.deepEqual(asked.results, [], JSON.stringify(filters));
      assert.equal(asked.summary.total_matches, 0);
    }
    assert.deepEqual((await search(as.get(A)!, { query: 'owes money' })).results, []);
  });

  it('an agent finds internal notes of tickets they may read, and nothing of other teams', async () => {
    const xena = await search(as.get(X)!, { query: 'zephyrine' });
    const note = xena.results.find((result) => result.id === `HD Ticket Comment:${comment}`);
    assert.ok(note, JSON.stringify(ids(xena)));
    assert.equal(note.reference_ticket, Number(subjectHit));
    assert.equal(note.owner, X);
    assert.equal(note.agent_group, 'Team X');
    assert.match(note.content as string, /internal: <mark>zephyrine<\/mark> owes us money/);
    assert.ok(!ids(xena).includes(ticketId(betaTicket)), ids(xena).join(', '));
    const otto = await search(as.get(OUT)!, { query: 'zephyrine' });
    assert.deepEqual(ids(otto), [ticketId(betaTicket)]);
    assert.ok(!/internal|owes/.test(JSON.stringify(otto)), JSON.stringify(otto));
  });

  it('refuses a one-character query with Frappe’s ValidationError', async () => {
    const answer = await stack.call('POST', SEARCH, { query: 'z' });
    assert.equal(answer.status, 417, JSON.stringify(answer.body));
    assert.equal(answer.body.exc_type, 'ValidationError');
    const messages = (JSON.parse(answer.body._server_messages as string) as string[]).map(
      (message) => JSON.parse(message) as Json,
    );
    assert.equal(messages[0]?.message, 'Search query must be at least 2 characters');
  });

  it('applies filters and counts every match, not only the page', async () => {
    const all = await search(stack.call, { query: 'zephyrine' });
    // Three tickets, the note, the reply and the e-mail the description-only ticket opened with.
    assert.equal(all.summary.total_matches, 6);
    assert.equal(all.results.length, 6);
    const page = await search(stack.call, { query: 'zephyrine', limit: 2 });
    assert.equal(page.results.length, 2);
    assert.deepEqual(
      {
        total: page.summary.total_matches,
        returned: page.summary.returned_matches,
        filtered: page.summary.filtered_matches,
      },
      { total: 6, returned: 2, filtered: 2 },
    );
    const filters = { doctype: ['HD Ticket'], agent_group: 'Team X' };
    const filtered = await search(stack.call, {
      query: 'zephyrine',
      filters: JSON.stringify(filters),
    });
    assert.deepEqual(ids(filtered).sort(), [ticketId(subjectHit), ticketId(descriptionHit)].sort());
    assert.equal(filtered.summary.total_matches, 2);
    assert.deepEqual(filtered.summary.applied_filters, filters);
    const liked = await search(stack.call, {
      query: 'zephyrine',
      filters: { owner: ['LIKE', 'xena'] },
    });
    assert.deepEqual(
      ids(liked).sort(),
      [`Communication:${communication}`, `HD Ticket Comment:${comment}`].sort(),
    );
    const none = await search(stack.call, { query: 'zephyrine', filters: '{"status": []}' });
    assert.equal(none.summary.total_matches, 0);
  });

  it('searches hostile text as words, never failing', async () => {
    for (const query of [
      `'); DROP TABLE ticket.hd_ticket; --`,
      `a & b | !c <-> (d) :* e:A`,
      `"quoted" 'single' \\ back\\slash`,
      `zephyrine:*A | !x & (`,
      `%_% $1 $$ */ /*`,
      `<script>alert(1)</script>`,
      `${'(('.repeat(2000)} zephyrine`,
      'x'.repeat(5000),
      '!!',
      '  ::  ',
    ]) {
      const answer = await stack.call('POST', SEARCH, { query, filters: '{"status": "Open\'--"}' });
      assert.equal(answer.status, 200, `${query.slice(0, 40)}: ${JSON.stringify(answer.body)}`);
      if (query.length > 1000) continue;
      const viaGet = await stack.call('GET', `${SEARCH}?query=${encodeURIComponent(query)}`);
      assert.equal(viaGet.status, 200, `${query.slice(0, 40)}: ${JSON.stringify(viaGet.body)}`);
    }
    const found = await search(stack.call, { query: `quote's "drop-table" (weird)` });
    assert.deepEqual(ids(found), [ticketId(hostileSubject)]);
    assert.match(found.results[0]!.title as string, /<mark>Quote<\/mark>&#39;<mark>s<\/mark>/);
    const unharmed = await search(stack.call, { query: 'zephyrine' });
    assert.equal(unharmed.summary.total_matches, 6);
  });

  it('stores a body too large for one tsvector, and finds it by its opening words', async () => {
    // 0.8 MB of distinct hyphenated words (under the 1,000,000-character limit of a description),
    // whose words and parts come to 1.5 MB: more than a tsvector holds if all were indexed.
    const words = Array.from(
      { length: 9_000 },
      (_, i) => `w${i.toString(36)}x${'q'.repeat(40)}-v${i.toString(36)}y${'z'.repeat(40)}`,
    );
    const opened = await stack.call('POST', TICKETS, {
      subject: 'Pasted log',
      description: `<p>Quillwort trace follows</p><pre>${words.join(' ')}</pre>`,
    });
    assert.equal(opened.status, 200, JSON.stringify(opened.body).slice(0, 300));
    const found = await search(stack.call, { query: 'quillwort' });
    assert.ok(ids(found).includes(ticketId(String(opened.body.data.name))), ids(found).join(', '));
    await ok(stack.call, 'DELETE', `${TICKETS}/${String(opened.body.data.name)}`);
  });

  it('offers filter values counted over what the caller may read', async () => {
    const ann = (await ok(as.get(A)!, 'GET', FILTER_OPTIONS)).message as Json;
    assert.deepEqual(ann.teams, { 'Team X': 3 });
    // Each of Ann's tickets opened with an e-mail, and agent X replied to one.
    assert.deepEqual(ann.doctypes, { 'HD Ticket': 3, Communication: 4 });
    assert.ok(!/Beta|Team Y/.test(JSON.stringify(ann)), JSON.stringify(ann));
    const xena = (await ok(as.get(X)!, 'POST', FILTER_OPTIONS)).message as Json;
    assert.deepEqual(xena.doctypes, { 'HD Ticket': 3, 'HD Ticket Comment': 1, Communication: 4 });
    assert.deepEqual(xena.teams, { 'Team X': 3 });
    const admin = (await ok(stack.call, 'GET', FILTER_OPTIONS)).message as Json;
    assert.deepEqual(admin.teams, { 'Team X': 3, 'Team Y': 1 });
    const statuses = Object.values(admin.statuses as Record<string, number>);
    assert.equal(
      statuses.reduce((sum, count) => sum + count, 0),
      4,
    );
  });

  it('refuses guests', async () => {
    for (const path of [`${SEARCH}?query=zephyrine`, FILTER_OPTIONS]) {
      const response = await fetch(`${stack.api}${path}`);
      assert.equal(response.status, 403, path);
      assert.ok(!/zephyrine/i.test(await response.text()), path);
    }
  });
});
