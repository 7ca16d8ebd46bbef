/** knowledge-service answers `knowledge.resource.<op>` and `knowledge.method` for these. */
export const KNOWLEDGE_SERVICE = 'knowledge';
export const KNOWLEDGE_SERVICE_QUEUE = 'knowledge-service';

export const KNOWLEDGE_SERVICE_DOCTYPES = [
  'HD Article',
  'HD Article Category',
  'HD Article Feedback',
  'HD Saved Reply',
] as const;

const KNOWLEDGE_BASE = 'helpdesk.api.knowledge_base';

/** Methods Frappe serves to guests (`allow_guest=True`, or no guard at all). */
export const KNOWLEDGE_SERVICE_GUEST_METHODS = [
  `${KNOWLEDGE_BASE}.get_article`,
  `${KNOWLEDGE_BASE}.get_categories`,
  `${KNOWLEDGE_BASE}.get_category_articles`,
  `${KNOWLEDGE_BASE}.get_general_category`,
  `${KNOWLEDGE_BASE}.get_category_title`,
  `${KNOWLEDGE_BASE}.increment_views`,
  'helpdesk.api.article.get_article_stats',
] as const;

/** Whitelisted methods knowledge-service answers on `knowledge.method` for signed-in callers. */
export const KNOWLEDGE_SERVICE_METHODS = [
  `${KNOWLEDGE_BASE}.delete_articles`,
  `${KNOWLEDGE_BASE}.create_category`,
  `${KNOWLEDGE_BASE}.move_to_category`,
  `${KNOWLEDGE_BASE}.merge_category`,
  'helpdesk.api.article.search',
  'helpdesk.api.saved_replies.get_rendered_saved_reply',
] as const;
