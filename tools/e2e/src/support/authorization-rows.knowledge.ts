import {
  ADMIN_ONLY,
  AGENTS,
  ANYONE,
  get,
  MANAGERS,
  post,
  resource,
  SIGNED_IN,
  TICKET_AGENTS,
  type AuthorizationRow,
  type Cells,
  type Fixtures,
  type RouteRequest,
} from './authorization-cells.js';

const KB = 'helpdesk.api.knowledge_base';

/** Documents made once per run by Administrator: a published article, a Global saved reply. */
const made = new WeakMap<Fixtures, Promise<{ article: string; reply: string; general: string }>>();

function shared(f: Fixtures) {
  let documents = made.get(f);
  if (!documents) {
    documents = (async () => {
      const article = await f.freshDoc('HD Article', {
        title: 'How to reset a password',
        content: '<p>Open the sign-in page and choose reset.</p>',
        status: 'Published',
      });
      const reply = await f.freshDoc('HD Saved Reply', {
        title: f.fresh('reply'),
        message: 'Hello {{ raised_by }}',
      });
      const general = await f.admin('GET', `/api/method/${KB}.get_general_category`);
      return { article, reply, general: general.body.message as string };
    })();
    made.set(f, documents);
  }
  return documents;
}

const freshArticle = (f: Fixtures) =>
  f.freshDoc('HD Article', { title: f.fresh('article'), content: '<p>x</p>' });
const freshCategory = (f: Fixtures) =>
  f.freshDoc('HD Article Category', { category_name: f.fresh('category') });

function resourceRows(
  doctype: string,
  spec: {
    create: (f: Fixtures) => Promise<Record<string, unknown>> | Record<string, unknown>;
    existing: (f: Fixtures) => Promise<string>;
    change: Record<string, unknown>;
    fresh: (f: Fixtures) => Promise<string>;
    expect: Record<'list' | 'create' | 'get' | 'update' | 'delete', Cells>;
  },
): AuthorizationRow[] {
  const at = (name?: string): string => resource(doctype, name);
  return [
    {
      route: `resource ${doctype} list`,
      request: (): RouteRequest => ({ method: 'GET', path: at() }),
      expect: spec.expect.list,
    },
    {
      route: `resource ${doctype} create`,
      request: async (f) => ({ method: 'POST', path: at(), body: await spec.create(f) }),
      expect: spec.expect.create,
    },
    {
      route: `resource ${doctype} get`,
      request: async (f) => ({ method: 'GET', path: at(await spec.existing(f)) }),
      expect: spec.expect.get,
    },
    {
      route: `resource ${doctype} update`,
      request: async (f) => ({
        method: 'PUT',
        path: at(await spec.existing(f)),
        body: spec.change,
      }),
      expect: spec.expect.update,
    },
    {
      route: `resource ${doctype} delete`,
      request: async (f) => ({ method: 'DELETE', path: at(await spec.fresh(f)) }),
      expect: spec.expect.delete,
    },
  ];
}

/**
 * The knowledge base and saved replies (frappe-api §1.12–1.13, §2.8, §2.11): published articles
 * are public, agents write them; saved replies are agents'. Rate limits are off in the matrix.
 */
export const KNOWLEDGE_ROWS: AuthorizationRow[] = [
  ...resourceRows('HD Article', {
    create: (f) => ({ title: f.fresh('article'), content: '<p>new</p>' }),
    existing: async (f) => (await shared(f)).article,
    change: { content: '<p>Open the sign-in page, then choose reset.</p>' },
    fresh: freshArticle,
    expect: {
      list: SIGNED_IN(),
      create: AGENTS(),
      get: SIGNED_IN(),
      update: AGENTS(),
      delete: AGENTS(202),
    },
  }),
  ...resourceRows('HD Article Category', {
    create: (f) => ({ category_name: f.fresh('category') }),
    existing: async (f) => (await shared(f)).general,
    change: { description: 'Everything else' },
    fresh: freshCategory,
    expect: {
      list: SIGNED_IN(),
      create: AGENTS(),
      get: SIGNED_IN(),
      update: AGENTS(),
      delete: AGENTS(202),
    },
  }),
  // A reader writes only their own feedback; Administrator's is the existing document.
  ...resourceRows('HD Article Feedback', {
    create: async (f) => ({ article: (await shared(f)).article, feedback: 1 }),
    existing: async (f) => {
      const { article } = await shared(f);
      await f.freshDoc('HD Article Feedback', { article, feedback: 1 }).catch(() => undefined);
      return `${article}:Administrator`;
    },
    change: { feedback: 2 },
    fresh: async (f) => {
      const article = await f.freshDoc('HD Article', {
        title: f.fresh('rated'),
        content: '<p>x</p>',
        status: 'Published',
      });
      await f.freshDoc('HD Article Feedback', { article, feedback: 1 });
      return `${article}:Administrator`;
    },
    expect: {
      list: SIGNED_IN(),
      create: SIGNED_IN(),
      get: AGENTS(),
      update: ADMIN_ONLY(),
      delete: ADMIN_ONLY(202),
    },
  }),
  ...resourceRows('HD Saved Reply', {
    create: (f) => ({ title: f.fresh('reply'), message: 'Thanks!' }),
    existing: async (f) => (await shared(f)).reply,
    change: { message: 'Thanks, {{ raised_by }}' },
    fresh: (f) => f.freshDoc('HD Saved Reply', { title: f.fresh('doomed'), message: 'x' }),
    expect: {
      list: AGENTS(),
      create: AGENTS(),
      get: AGENTS(),
      update: MANAGERS(),
      delete: MANAGERS(202),
    },
  }),
  {
    route: `method ${KB}.get_article`,
    request: async (f) => get(`${KB}.get_article`, { name: (await shared(f)).article }),
    expect: ANYONE(),
  },
  {
    route: `method ${KB}.get_categories`,
    request: () => get(`${KB}.get_categories`),
    expect: ANYONE(),
  },
  {
    route: `method ${KB}.get_category_articles`,
    request: async (f) =>
      get(`${KB}.get_category_articles`, { category: (await shared(f)).general }),
    expect: ANYONE(),
  },
  {
    route: `method ${KB}.get_general_category`,
    request: () => get(`${KB}.get_general_category`),
    expect: ANYONE(),
  },
  {
    route: `method ${KB}.get_category_title`,
    request: async (f) => get(`${KB}.get_category_title`, { category: (await shared(f)).general }),
    expect: ANYONE(),
  },
  {
    route: `method ${KB}.increment_views`,
    request: async (f) => post(`${KB}.increment_views`, { article: (await shared(f)).article }),
    expect: ANYONE(),
  },
  {
    route: 'method helpdesk.api.article.get_article_stats',
    request: async (f) =>
      get('helpdesk.api.article.get_article_stats', { article_name: (await shared(f)).article }),
    expect: ANYONE(),
  },
  {
    route: `method ${KB}.delete_articles`,
    request: async (f) => post(`${KB}.delete_articles`, { articles: [await freshArticle(f)] }),
    expect: AGENTS(),
  },
  {
    route: `method ${KB}.create_category`,
    request: (f) => post(`${KB}.create_category`, { title: f.fresh('category') }),
    expect: AGENTS(),
  },
  {
    route: `method ${KB}.move_to_category`,
    request: async (f) =>
      post(`${KB}.move_to_category`, {
        category: (await shared(f)).general,
        articles: [await freshArticle(f)],
      }),
    expect: AGENTS(),
  },
  {
    route: `method ${KB}.merge_category`,
    request: async (f) =>
      post(`${KB}.merge_category`, {
        source: await freshCategory(f),
        target: (await shared(f)).general,
      }),
    expect: AGENTS(),
  },
  {
    route: 'method helpdesk.api.article.search',
    request: () => get('helpdesk.api.article.search', { query: 'password' }),
    expect: SIGNED_IN(),
  },
  {
    // Rendered with customer A's ticket, read as the agent: only its readers among agents.
    route: 'method helpdesk.api.saved_replies.get_rendered_saved_reply',
    request: async (f) =>
      post('helpdesk.api.saved_replies.get_rendered_saved_reply', {
        ticket_id: f.ticketA,
        saved_reply_id: (await shared(f)).reply,
      }),
    expect: TICKET_AGENTS(),
  },
];
