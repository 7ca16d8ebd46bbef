import { FrappeError, withoutStandardFields } from '@helpdesk/shared-frappe-api';
import {
  parseBody,
  type DoctypeResource,
  type FrappeDocument,
  type RequestContext,
} from '@helpdesk/shared-messaging';
import { notPermittedOn } from './knowledge-access.js';
import type { DocumentReads, RowCondition } from './knowledge-ports.js';

/** Who may do what with one knowledge DocType, and what each reader sees of it. */
export interface KnowledgePolicy {
  canRead(context: RequestContext): boolean;
  canWrite(context: RequestContext): boolean;
  /** The rows this reader may see; undefined for all of them. */
  visibleTo(context: RequestContext): Promise<RowCondition | undefined>;
}

/** How one knowledge DocType is changed: its body's shape and its commands. */
export interface KnowledgeWrites<F extends object> {
  dto: new () => F;
  /** Fields the server keeps (derived or read-only) that a document sent back may carry. */
  derived: readonly string[];
  create(fields: F, context: RequestContext): Promise<string>;
  update(name: string, fields: F, context: RequestContext): Promise<void>;
  delete(name: string, context: RequestContext): Promise<void>;
}

/**
 * A knowledge DocType over Frappe's document API. Reads go through the reader's row condition
 * (a document they may not see is a 403, as Frappe's `has_permission`); every change goes
 * through the DocType's commands, and the reply is the document as it now reads.
 */
export class KnowledgeResource<F extends object> implements DoctypeResource {
  constructor(
    private readonly doctype: string,
    private readonly reads: DocumentReads,
    private readonly policy: KnowledgePolicy,
    private readonly writes: KnowledgeWrites<F>,
  ) {}

  async list(params: Record<string, unknown>, context: RequestContext): Promise<unknown[]> {
    return this.reads.list(params, await this.reader(context));
  }

  async count(params: Record<string, unknown>, context: RequestContext): Promise<number> {
    return this.reads.count(params, await this.reader(context));
  }

  async get(name: string, context: RequestContext): Promise<FrappeDocument> {
    const only = await this.reader(context);
    const document = await this.reads.get(name, only);
    if (document) return document;
    if (only && (await this.reads.get(name))) throw notPermittedOn(this.doctype);
    throw FrappeError.doesNotExist(this.doctype, name);
  }

  async insert(doc: Record<string, unknown>, context: RequestContext): Promise<FrappeDocument> {
    this.writer(context);
    const name = await this.writes.create(await this.fields(doc), context);
    return this.get(name, context);
  }

  async update(
    name: string,
    changes: Record<string, unknown>,
    context: RequestContext,
  ): Promise<FrappeDocument> {
    this.writer(context);
    await this.get(name, context);
    await this.writes.update(name, await this.fields(changes), context);
    return this.get(name, context);
  }

  async delete(name: string, context: RequestContext): Promise<void> {
    this.writer(context);
    await this.get(name, context);
    await this.writes.delete(name, context);
  }

  private async reader(context: RequestContext): Promise<RowCondition | undefined> {
    if (!this.policy.canRead(context)) throw notPermittedOn(this.doctype);
    return this.policy.visibleTo(context);
  }

  private writer(context: RequestContext): void {
    if (!this.policy.canWrite(context)) throw notPermittedOn(this.doctype);
  }

  /** What the client asks to set: a document read and sent back loses its bookkeeping first. */
  private fields(doc: Record<string, unknown>): Promise<F> {
    const derived = new Set(this.writes.derived);
    const given = Object.fromEntries(
      Object.entries(withoutStandardFields(doc)).filter(
        ([key]) => !key.startsWith('__') && !derived.has(key),
      ),
    );
    return parseBody(this.writes.dto, given, this.doctype);
  }
}
