import { FrappeError } from '@helpdesk/shared-frappe-api';
import { notSupported, type DoctypeResource, type FrappeDocument } from '../doctype-resource.js';
import { isGuest, type RequestContext } from '../request-context.js';
import type { ConversationDocuments } from './conversation-documents.port.js';

const DOCTYPE = 'Communication';

/**
 * Replies on tickets, read-only through the resource API: they are written by `reply_via_agent`
 * and `create_communication_via_contact`, which keep the ticket's rules in one place.
 */
export class CommunicationResource implements DoctypeResource {
  constructor(private readonly documents: ConversationDocuments) {}

  list(params: Record<string, unknown>, context: RequestContext): Promise<unknown[]> {
    assertSignedIn(context);
    return this.documents.listCommunications(params, context);
  }

  count(params: Record<string, unknown>, context: RequestContext): Promise<number> {
    assertSignedIn(context);
    return this.documents.countCommunications(params, context);
  }

  async get(name: string, context: RequestContext): Promise<FrappeDocument> {
    assertSignedIn(context);
    const visible = await this.documents.communication(name, context);
    if (visible) return visible;
    if (await this.documents.communication(name)) {
      throw FrappeError.permission(`No permission for ${DOCTYPE}`);
    }
    throw FrappeError.doesNotExist(DOCTYPE, name);
  }

  insert(): Promise<FrappeDocument> {
    return Promise.reject(notSupported(DOCTYPE, 'Creating'));
  }

  update(): Promise<FrappeDocument> {
    return Promise.reject(notSupported(DOCTYPE, 'Editing'));
  }

  delete(): Promise<void> {
    return Promise.reject(notSupported(DOCTYPE, 'Deleting'));
  }
}

function assertSignedIn(context: RequestContext): void {
  if (isGuest(context)) throw FrappeError.permission(`Not permitted to read ${DOCTYPE}`);
}
