import { FrappeError } from '@helpdesk/shared-frappe-api';
import type { DoctypeResource, FrappeDocument, RequestContext } from '@helpdesk/shared-messaging';
import type { PeopleDocType, PeopleDocuments, RowScope } from '../people-documents.port.js';

/** Who may read a people DocType, and which rows: `undefined` refuses the read. */
export type ReadPolicy = (context: RequestContext) => RowScope | undefined;

export const anyoneSignedIn: ReadPolicy = () => ({});

/**
 * Frappe reads over one of agent-service's DocTypes; writes are refused unless a subclass
 * decides them.
 */
export class PeopleResource implements DoctypeResource {
  constructor(
    protected readonly doctype: PeopleDocType,
    protected readonly documents: PeopleDocuments,
    private readonly canRead: ReadPolicy,
  ) {}

  /** Refuses a caller who may read none of this DocType. */
  checkRead(context: RequestContext): void {
    this.scope(context);
  }

  protected scope(context: RequestContext): RowScope {
    const scope = this.canRead(context);
    if (!scope) throw FrappeError.permission(`No permission to read ${this.doctype}`);
    return scope;
  }

  list(params: Record<string, unknown>, context: RequestContext): Promise<unknown[]> {
    return this.documents.list(this.doctype, params, this.scope(context));
  }

  count(params: Record<string, unknown>, context: RequestContext): Promise<number> {
    return this.documents.count(this.doctype, params, this.scope(context));
  }

  async get(name: string, context: RequestContext): Promise<FrappeDocument> {
    const scope = this.scope(context);
    if (scope.onlyName !== undefined && scope.onlyName !== name)
      throw FrappeError.permission(`No permission to read ${this.doctype} ${name}`);
    const document = await this.documents.get(this.doctype, name, scope);
    if (!document) throw FrappeError.doesNotExist(this.doctype, name);
    return document;
  }

  insert(_doc: Record<string, unknown>, _context: RequestContext): Promise<FrappeDocument> {
    return Promise.reject(this.refused('Creating'));
  }

  update(
    _name: string,
    _changes: Record<string, unknown>,
    _context: RequestContext,
  ): Promise<FrappeDocument> {
    return Promise.reject(this.refused('Changing'));
  }

  delete(_name: string, _context: RequestContext): Promise<void> {
    return Promise.reject(this.refused('Deleting'));
  }

  private refused(what: string): FrappeError {
    return FrappeError.permission(`${what} ${this.doctype} is not permitted`);
  }
}
