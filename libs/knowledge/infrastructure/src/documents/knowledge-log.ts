import {
  KNOWLEDGE_EVENTS_SUBJECT_PREFIX,
  type KnowledgeEventTypeV1,
  type KnowledgeEventV1,
} from '@helpdesk/knowledge-contracts';
import {
  evolveArticle,
  evolveCategory,
  evolveSavedReply,
  initialArticleState,
  initialCategoryState,
  initialSavedReplyState,
  type ArticleEvent,
  type CategoryEvent,
  type SavedReplyEvent,
} from '@helpdesk/knowledge-domain';
import {
  PostgresEventStore,
  type LogPosition,
  type RecordedEvent,
  type Sql,
} from '@helpdesk/shared-event-store';
import { namespacedSubject, type OutgoingMessage } from '@helpdesk/shared-messaging';
import { documentOfStream } from './knowledge-projection.js';

type Fields = Record<string, unknown>;

/** Each event's document after it (null once deleted), folding the stream from its start. */
function foldDocuments(
  doctype: string,
  history: readonly RecordedEvent[],
): Map<string, Fields | null> {
  const after = new Map<string, Fields | null>();
  let article = initialArticleState;
  let category = initialCategoryState;
  let reply = initialSavedReplyState;
  let created: { at: string; by: string } | null = null;
  for (const recorded of history) {
    const data = recorded.data as { at: string; by: string };
    let fields: Fields | null = null;
    if (doctype === 'HD Article') {
      article = evolveArticle(article, { type: recorded.type, data } as unknown as ArticleEvent);
      fields = article.kind === 'present' ? { ...article.article } : null;
    } else if (doctype === 'HD Article Category') {
      category = evolveCategory(category, {
        type: recorded.type,
        data,
      } as unknown as CategoryEvent);
      fields = category.kind === 'present' ? { ...category.category } : null;
    } else {
      reply = evolveSavedReply(reply, { type: recorded.type, data } as unknown as SavedReplyEvent);
      fields = reply.kind === 'present' ? { ...reply.reply } : null;
    }
    if (!fields) {
      created = null;
      after.set(recorded.eventId, null);
      continue;
    }
    created ??= { at: data.at, by: data.by };
    after.set(recorded.eventId, {
      ...fields,
      creation: created.at,
      owner: fields.owner ?? created.by,
      modified: data.at,
      modified_by: data.by,
    });
  }
  return after;
}

/**
 * knowledge-service's log as its relay reads it: each committed event with its document as it
 * stood after that event, so a `…-saved` event carries the whole document while the log keeps
 * only what changed.
 */
export class KnowledgeLog extends PostgresEventStore {
  private readonly documents = new WeakMap<RecordedEvent, Fields | null>();

  override async readAllCommitted(
    sql: Sql,
    after: LogPosition,
    limit: number,
  ): Promise<RecordedEvent[]> {
    const events = await super.readAllCommitted(sql, after, limit);
    const wanted = new Map(events.map((event) => [event.eventId, event]));
    // Only saves publish the whole document; views and feedback need no fold.
    const saved = events.filter((event) => /(Created|Revised)$/.test(event.type));
    for (const streamId of new Set(saved.map((event) => event.streamId))) {
      const document = documentOfStream(streamId);
      if (!document) continue;
      const folded = foldDocuments(document.doctype, await this.readStream(sql, streamId));
      for (const [eventId, fields] of folded) {
        const event = wanted.get(eventId);
        if (event) this.documents.set(event, fields);
      }
    }
    return events;
  }

  documentAfter(event: RecordedEvent): Fields | null | undefined {
    return this.documents.get(event);
  }
}

/** The explicit mapping from knowledge events to the public v1 contract. */
export function toKnowledgeEventV1(
  recorded: RecordedEvent,
  document: Fields | null | undefined,
): KnowledgeEventV1 | null {
  const owner = documentOfStream(recorded.streamId);
  if (!owner) return null;
  const data = recorded.data as Fields & { at: string };
  const envelope = (type: KnowledgeEventTypeV1, payload: Fields): KnowledgeEventV1 => ({
    id: recorded.eventId,
    type: `${KNOWLEDGE_EVENTS_SUBJECT_PREFIX}.${type}`,
    doctype: owner.doctype,
    name: owner.name,
    version: recorded.streamVersion,
    occurredAt: data.at,
    actor: recorded.metadata.actor ?? null,
    correlationId: recorded.metadata.correlationId ?? null,
    data: payload,
  });
  switch (recorded.type) {
    case 'ArticleCreated':
    case 'ArticleRevised':
      return document ? envelope('article-saved', document) : null;
    case 'ArticleDeleted':
      return envelope('article-deleted', {});
    case 'ArticleViewed':
      return envelope('article-viewed', { views: data.views });
    case 'ArticleFeedbackGiven':
      return envelope('article-feedback-given', { user: data.user, feedback: data.feedback });
    case 'CategoryCreated':
    case 'CategoryRevised':
      return document ? envelope('category-saved', document) : null;
    case 'CategoryDeleted':
      return envelope('category-deleted', {});
    case 'SavedReplyCreated':
    case 'SavedReplyRevised':
      return document ? envelope('saved-reply-saved', document) : null;
    case 'SavedReplyDeleted':
      return envelope('saved-reply-deleted', {});
    default:
      return null;
  }
}

/** Subject and payload for each event of knowledge-service's log, as read through `log`. */
export function knowledgeServiceMessage(namespace: string, log: KnowledgeLog) {
  return (recorded: RecordedEvent): OutgoingMessage => {
    const payload = toKnowledgeEventV1(recorded, log.documentAfter(recorded));
    if (!payload) throw new Error(`no public form for ${recorded.type} on ${recorded.streamId}`);
    return { subject: namespacedSubject(namespace, payload.type), payload };
  };
}
