/** How many requests each party may make; 0 switches that limit off. */
export interface RateLimitSettings {
  /** All requests to the site, across every replica. */
  sitePerMinute: number;
  /** Requests from one client address that present credentials. */
  ipPerMinute: number;
  /** Requests from one client address without credentials (guests). */
  guestIpPerMinute: number;
  /** Requests of one signed-in user, whatever address or key they come from. */
  userPerMinute: number;
  /** Failed sign-ins (password or key) in a row, per user and per address, before a lockout. */
  consecutiveLoginFailures: number;
  /** How long a lockout lasts (Frappe's `allow_login_after_fail`). */
  lockoutSeconds: number;
}

/**
 * Frappe's `@rate_limit(key, limit, seconds)` on one method: `limit` calls per `seconds` from one
 * address, counted per value of the argument `key` when one is named.
 */
export interface EndpointRateLimit {
  method: string;
  limit: number;
  seconds: number;
  key?: string;
}

/**
 * The per-method limits. Guests following an invitation link are limited like Frappe's other
 * guest endpoints. The knowledge base's public reads are Frappe's `@rate_limit(limit=100,
 * seconds=3600)`; a view counts at most five times an hour per address and article, as
 * `increment_views`' `@rate_limit(key="article", seconds=3600)` with Frappe's default limit.
 */
export const ENDPOINT_RATE_LIMITS: readonly EndpointRateLimit[] = [
  ...[
    'frappe.core.api.user_invitation.accept_invitation',
    'frappe.core.doctype.user_invitation.user_invitation.accept_invitation',
  ].map((method) => ({ method, limit: 30, seconds: 3600 })),
  { method: 'login', limit: 300, seconds: 3600 },
  ...[
    'get_article',
    'get_categories',
    'get_category_articles',
    'get_general_category',
    'get_category_title',
  ].map((name) => ({ method: `helpdesk.api.knowledge_base.${name}`, limit: 100, seconds: 3600 })),
  { method: 'helpdesk.api.article.get_article_stats', limit: 100, seconds: 3600 },
  {
    method: 'helpdesk.api.knowledge_base.increment_views',
    limit: 5,
    seconds: 3600,
    key: 'article',
  },
];
