/**
 * Public knowledge-base events, version 1 (docs/asyncapi/knowledge-events.v1.yaml). Every save is
 * `…-saved` with the whole document after it, so a consumer keeps its copy from the latest
 * event alone; a removal is `…-deleted` with no data.
 */
export const KNOWLEDGE_EVENTS_STREAM = 'HELPDESK_KNOWLEDGE';
export const KNOWLEDGE_EVENTS_SUBJECT_PREFIX = 'helpdesk.knowledge.v1';

export const KNOWLEDGE_EVENT_TYPES_V1 = [
  'article-saved',
  'article-deleted',
  'article-viewed',
  'article-feedback-given',
  'category-saved',
  'category-deleted',
  'saved-reply-saved',
  'saved-reply-deleted',
] as const;
export type KnowledgeEventTypeV1 = (typeof KNOWLEDGE_EVENT_TYPES_V1)[number];

export interface KnowledgeEventV1 {
  /** Unique event id; also the JetStream `Nats-Msg-Id`. Consumers deduplicate on it. */
  id: string;
  type: `${typeof KNOWLEDGE_EVENTS_SUBJECT_PREFIX}.${KnowledgeEventTypeV1}`;
  doctype: 'HD Article' | 'HD Article Category' | 'HD Saved Reply';
  name: string;
  /** Position of this event in the document's own stream (1, 2, …). */
  version: number;
  occurredAt: string;
  actor: string | null;
  correlationId: string | null;
  /**
   * `…-saved`: the document's fields after the event. `article-viewed`: `{views}`.
   * `article-feedback-given`: `{user, feedback}` (0 none, 1 like, 2 dislike).
   */
  data: Record<string, unknown>;
}
