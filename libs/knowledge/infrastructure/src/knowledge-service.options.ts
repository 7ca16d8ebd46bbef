export interface KnowledgeServiceOptions {
  databaseUrl: string;
  databasePoolSize: number;
  natsUrl: string;
  namespace: string;
  /** The site's zone, in which Frappe's datetimes are read and written. */
  timeZone: string;
  requestTimeoutMs: number;
  /** How long one saved-reply render may take before it is stopped. */
  templateTimeoutMs: number;
}

export const KNOWLEDGE_OPTIONS = Symbol('KNOWLEDGE_OPTIONS');
/** knowledge-service's NATS connection for JetStream (its events out, people and settings in). */
export const KNOWLEDGE_NATS = Symbol('KNOWLEDGE_NATS');
