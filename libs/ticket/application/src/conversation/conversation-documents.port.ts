import type { FrappeDocument } from '../doctype-resource.js';
import type { RequestContext } from '../request-context.js';

/** Reads of the Communication and HD Ticket Comment read models. */
export interface ConversationDocuments {
  /** Communications on the tickets the viewer may see. */
  listCommunications(params: Record<string, unknown>, viewer: RequestContext): Promise<unknown[]>;
  countCommunications(params: Record<string, unknown>, viewer: RequestContext): Promise<number>;
  /** With a viewer: only when the viewer may see its ticket. */
  communication(name: string, viewer?: RequestContext): Promise<FrappeDocument | undefined>;
  /** The newest Communication on a ticket, as `get_last_communication` returns it. */
  lastCommunication(ticket: number): Promise<FrappeDocument | undefined>;
  listComments(params: Record<string, unknown>, viewer: RequestContext): Promise<unknown[]>;
  countComments(params: Record<string, unknown>, viewer: RequestContext): Promise<number>;
  comment(name: string, viewer?: RequestContext): Promise<FrappeDocument | undefined>;
}

/** Frappe names Communications and comments by a random hash. */
export type ConversationIds = () => string;
