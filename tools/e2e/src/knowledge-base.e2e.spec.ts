import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { KNOWLEDGE_EVENTS_STREAM, type KnowledgeEventV1 } from '@helpdesk/knowledge-contracts';
import {
  ensureDurableConsumer,
  namespacedStream,
  namespacedSubject,
} from '@helpdesk/shared-messaging';
import { testConfig, waitFor } from '@helpdesk/shared-testing';
import { startApiStack, type ApiCall, type ApiStack, type Json } from './support/api-stack.js';
import { errorMessage } from './support/ticket-api-calls.js';

const KB = '/api/method/helpdesk.api.knowledge_base';
const ARTICLES = '/api/resource/HD%20Article';

/** The knowledge base through the gateway: articles, categories, feedback, search and guests. */
describe('knowledge base through the gateway', () => {
  let stack: ApiStack;
  let nats: NatsConnection;
  let agent: ApiCall;
  let customer: ApiCall;
  let billing: string;
  let refunds: Json;
  let draft: Json;
  let invoices: Json;

  const guest = async (path: string, body?: unknown) => {
    const response = await fetch(`${stack.api}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return {
      status: response.status,
      body: (await response.json()) as Json,
      retryAfter: response.headers.get('retry-after'),
    };
  };

  before(async () => {
    stack = await startApiStack('knowledge', {}, { knowledge: true });
    nats = await connect({ servers: testConfig.NATS_URL });
    agent = await stack.as('kb-agent@example.com', ['Agent']);
    customer = await stack.as('kb-customer@example.com');
    const created = await agent('POST', `${KB}.create_category`, { title: 'Billing' });
    assert.equal(created.status, 200, JSON.stringify(created.body));
    billing = created.body.message.category as string;
    const placeholder = created.body.message.article as string;
    const refund = await agent('POST', ARTICLES, {
      title: 'Refund policy',
      category: billing,
      content: '<p>Refunds are issued within <b>14 days</b> of a request.</p>',
      status: 'Published',
    });
    assert.equal(refund.status, 200, JSON.stringify(refund.body));
    refunds = refund.body.data as Json;
    const mentions = await agent('POST', ARTICLES, {
      title: 'Invoices',
      category: billing,
      content: '<p>An invoice lists every charge; ask for a refund from it.</p>',
      status: 'Published',
    });
    assert.equal(mentions.status, 200, JSON.stringify(mentions.body));
    invoices = mentions.body.data as Json;
    draft = (
      await agent('POST', ARTICLES, {
        title: 'Refund internals',
        category: billing,
        content: '<p>Draft notes about refunds</p>',
      })
    ).body.data as Json;
    assert.equal(draft.status, 'Draft');
    assert.ok(placeholder);
  });

  after(async () => {
    await nats?.close();
    await stack?.stop();
  });

  it('publishing stamps published_on, slugs the title and names the author', () => {
    assert.equal(refunds.status, 'Published');
    assert.equal(refunds.title_slug, 'refund-policy');
    assert.equal(refunds.author, 'kb-agent@example.com');
    assert.ok(typeof refunds.published_on === 'string' && refunds.published_on.length > 0);
    assert.equal(draft.published_on, null);
  });

  it('get_article answers the spec shape to a guest, and refuses drafts to non-agents', async () => {
    const read = await guest(`${KB}.get_article?name=${refunds.name}`);
    assert.equal(read.status, 200, JSON.stringify(read.body));
    const article = read.body.message as Json;
    assert.deepEqual(Object.keys(article).sort(), [
      'author',
      'category_id',
      'category_name',
      'content',
      'creation',
      'feedback',
      'modified',
      'name',
      'published_on',
      'status',
      'title',
    ]);
    assert.equal(article.category_name, 'Billing');
    assert.equal(article.author.email, 'kb-agent@example.com');
    assert.equal(article.feedback, 0);
    const hidden = await guest(`${KB}.get_article?name=${draft.name}`);
    assert.equal(hidden.status, 403);
    assert.equal(errorMessage(hidden.body), 'Access denied');
    assert.equal((await customer('GET', `${ARTICLES}/${draft.name}`)).status, 403);
    const listed = await customer(
      'GET',
      `${ARTICLES}?fields=["name","status"]&limit_page_length=0`,
    );
    assert.ok((listed.body.data as Json[]).every((row) => row.status === 'Published'));
    assert.equal((await agent('GET', `${KB}.get_article?name=${draft.name}`)).status, 200);
  });

  it('categories count published articles; a category lists them with a plain-text excerpt', async () => {
    const categories = (await guest(`${KB}.get_categories`)).body.message as Json[];
    assert.deepEqual(
      categories.map((c) => [c.category_name, c.article_count]),
      [['Billing', 2]],
    );
    const listed = (await guest(`${KB}.get_category_articles?category=${billing}`)).body
      .message as Json[];
    assert.equal(listed.length, 2);
    const refund = listed.find((row) => row.name === refunds.name)!;
    assert.equal(refund.content, 'Refunds are issued within 14 days of a request.');
    assert.match(
      String(refund.modified),
      /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6}$/,
      "Frappe's datetime",
    );
    assert.match(String(categories[0]!.modified), /^\d{4}-\d\d-\d\d \d\d:/);
    assert.equal(refund.author.email, 'kb-agent@example.com');
    const general = (await guest(`${KB}.get_general_category`)).body.message as string;
    assert.equal(
      (await guest(`${KB}.get_category_title?category=${general}`)).body.message,
      'General',
    );
  });

  it('search ranks title matches over body matches, highlights them, and hides drafts from customers', async () => {
    const found = await agent('POST', '/api/method/helpdesk.api.article.search', { query: 'refu' });
    assert.equal(found.status, 200, JSON.stringify(found.body));
    const group = (found.body.message as Json[])[0]!;
    assert.equal(group.title, 'Articles');
    const names = (group.items as Json[]).map((item) => item.name);
    assert.ok(names.includes(invoices.name), 'a body match is found');
    assert.ok(
      names.indexOf(refunds.name) < names.indexOf(invoices.name),
      'a title match outranks a body-only match',
    );
    assert.ok(names.includes(draft.name), 'agents find drafts');
    const refund = (group.items as Json[]).find((item) => item.name === refunds.name)!;
    assert.equal(refund.title, '<mark>Refund</mark> policy');
    assert.match(String(refund.content), /<mark>Refunds<\/mark> are issued/);
    const asCustomer = (
      await customer('POST', '/api/method/helpdesk.api.article.search', {
        query: 'refund',
      })
    ).body.message as Json[];
    assert.ok(!(asCustomer[0]!.items as Json[]).some((item) => item.name === draft.name));
    const hostile = await agent('POST', '/api/method/helpdesk.api.article.search', {
      query: `refund' & !( :* ; DROP TABLE knowledge.hd_article; --`,
    });
    assert.equal(hostile.status, 200);
    assert.equal((await guest('/api/method/helpdesk.api.article.search?query=refund')).status, 403);
  });

  it('feedback is per reader through set_feedback, and counted in get_article_stats', async () => {
    const liked = await customer('POST', '/api/method/run_doc_method', {
      dt: 'HD Article',
      dn: refunds.name,
      method: 'set_feedback',
      args: { value: 1 },
    });
    assert.equal(liked.status, 200, JSON.stringify(liked.body));
    await agent('POST', '/api/method/run_doc_method', {
      dt: 'HD Article',
      dn: refunds.name,
      method: 'set_feedback',
      args: { value: 2 },
    });
    const stats = await guest(
      `/api/method/helpdesk.api.article.get_article_stats?article_name=${refunds.name}`,
    );
    assert.deepEqual({ ...stats.body.message, views: 0 }, { views: 0, likes: 1, dislikes: 1 });
    const onDraft = await customer('POST', '/api/resource/HD%20Article%20Feedback', {
      article: draft.name,
      feedback: 1,
    });
    assert.equal(onDraft.status, 403, 'no feedback on an article the reader may not see');
    const mine = (await customer('GET', `${KB}.get_article?name=${refunds.name}`)).body.message;
    assert.equal(mine.feedback, 1);
  });

  it('the category rules hold: General is reserved, a category keeps an article, merging moves them', async () => {
    const reserved = await agent('POST', `${KB}.create_category`, { title: 'General' });
    assert.equal(reserved.status, 417);
    assert.equal(
      errorMessage(reserved.body),
      'General is a reserved category name. Please use a different name to proceed.',
    );
    const other = (await agent('POST', `${KB}.create_category`, { title: 'Shipping' })).body
      .message as Json;
    const emptying = await agent('POST', `${KB}.move_to_category`, {
      category: billing,
      articles: [other.article],
    });
    assert.equal(emptying.status, 417);
    assert.equal(errorMessage(emptying.body), 'Error moving article to category');
    const same = await agent('POST', `${KB}.merge_category`, { source: billing, target: billing });
    assert.equal(errorMessage(same.body), 'Source and target category cannot be same');
    const merged = await agent('POST', `${KB}.merge_category`, {
      source: other.category,
      target: billing,
    });
    assert.equal(merged.status, 200, JSON.stringify(merged.body));
    const moved = await agent('GET', `${ARTICLES}/${other.article}`);
    assert.equal(moved.body.data.category, billing);
    assert.equal(
      (await agent('GET', `/api/resource/HD%20Article%20Category/${other.category}`)).status,
      404,
    );
    const general = (await guest(`${KB}.get_general_category`)).body.message as string;
    const undeletable = await agent('DELETE', `/api/resource/HD%20Article%20Category/${general}`);
    assert.equal(errorMessage(undeletable.body), "General category can't be deleted");
    assert.equal((await customer('POST', `${KB}.create_category`, { title: 'Mine' })).status, 403);
  });

  it('a published article needs content; customers cannot write articles', async () => {
    const empty = await agent('POST', ARTICLES, { title: 'Empty', status: 'Published' });
    assert.equal(empty.status, 417);
    assert.equal(errorMessage(empty.body), 'Published articles must have content.');
    assert.equal((await customer('POST', ARTICLES, { title: 'Nope' })).status, 403);
    assert.equal((await customer('DELETE', `${ARTICLES}/${refunds.name}`)).status, 403);
  });

  it('a guest reading the knowledge base is held to 100 requests an hour, with 429 and the envelope', async () => {
    // Earlier tests spent some of this address's budget; spend the rest and one more.
    let answer = await guest(`${KB}.get_article?name=${refunds.name}`);
    let served = 0;
    while (answer.status === 200 && served < 200) {
      served += 1;
      answer = await guest(`${KB}.get_article?name=${refunds.name}`);
    }
    assert.equal(answer.status, 429, JSON.stringify(answer.body));
    assert.equal(answer.body.exc_type, 'TooManyRequestsError');
    assert.ok(Number(answer.retryAfter) > 60, `Retry-After ${answer.retryAfter}`);
    assert.ok(served <= 100);
  });

  it('increment_views counts five views an hour per address and article, as Frappe', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i += 1) {
      statuses.push((await agent('POST', `${KB}.increment_views`, { article: draft.name })).status);
    }
    assert.deepEqual(statuses, [200, 200, 200, 200, 200, 429, 429]);
    const stats = await agent(
      'GET',
      `/api/method/helpdesk.api.article.get_article_stats?article_name=${draft.name}`,
    );
    assert.equal(stats.body.message.views, 5);
  });

  it('publishes every knowledge change on JetStream, whole documents on saves', async () => {
    const stream = namespacedStream(stack.namespace, KNOWLEDGE_EVENTS_STREAM);
    const jsm = await jetstreamManager(nats);
    await ensureDurableConsumer(jsm, {
      stream,
      durable: 'knowledge-reader',
      filterSubject: namespacedSubject(stack.namespace, 'helpdesk.knowledge.v1.>'),
    });
    const consumer = await jetstream(nats).consumers.get(stream, 'knowledge-reader');
    const seen: KnowledgeEventV1[] = [];
    await waitFor(
      async () => {
        const batch = await consumer.fetch({ max_messages: 200, expires: 1_000 });
        for await (const message of batch) {
          seen.push(message.json<KnowledgeEventV1>());
          message.ack();
        }
        return seen.filter((event) => event.type.endsWith('article-viewed')).length >= 5;
      },
      { what: 'the views on JetStream' },
    );
    const saved = seen.filter(
      (event) =>
        event.type === 'helpdesk.knowledge.v1.article-saved' && event.name === refunds.name,
    );
    assert.equal(saved[0]?.data.title, 'Refund policy');
    assert.equal(saved[0]?.data.status, 'Published');
    assert.ok(seen.some((event) => event.type === 'helpdesk.knowledge.v1.category-deleted'));
    assert.ok(
      seen.some(
        (event) =>
          event.type === 'helpdesk.knowledge.v1.article-feedback-given' &&
          event.data.user === 'kb-customer@example.com' &&
          event.data.feedback === 1,
      ),
    );
  });
});
