import {
  FrappeError,
  STANDARD_FIELDNAMES,
  withoutStandardFields,
} from '@helpdesk/shared-frappe-api';
import {
  parseBody,
  type DoctypeResource,
  type FrappeDocument,
  type RequestContext,
} from '@helpdesk/shared-messaging';
import {
  canManageSlaDocuments,
  canReadSlaDocuments,
  notPermittedOn,
} from './sla-document-access.js';
import type { SlaActor } from './sla-document-command-runner.js';
import type { SlaDocumentReads } from './sla-document-ports.js';

/** How one SLA DocType is changed: the shapes a body must have, and the commands run. */
export interface SlaDocumentWrites<C extends object, U extends object> {
  createDto: new () => C;
  updateDto: new () => U;
  childTables: readonly string[];
  /** Creates the document; answers its name. */
  create(body: C, actor: SlaActor): Promise<string>;
  update(name: string, body: U, actor: SlaActor): Promise<void>;
  delete(name: string, actor: SlaActor): Promise<void>;
}

/**
 * An SLA DocType over Frappe's document API: agents read, managers change. Every change goes
 * through the DocType's commands, and the reply is the document as it now reads.
 */
export class SlaDocumentResource<C extends object, U extends object> implements DoctypeResource {
  constructor(
    private readonly doctype: string,
    private readonly reads: SlaDocumentReads,
    private readonly writes: SlaDocumentWrites<C, U>,
  ) {}

  async list(params: Record<string, unknown>, context: RequestContext): Promise<unknown[]> {
    this.reader(context);
    return this.reads.list(params);
  }

  async count(params: Record<string, unknown>, context: RequestContext): Promise<number> {
    this.reader(context);
    return this.reads.count(params);
  }

  async get(name: string, context: RequestContext): Promise<FrappeDocument> {
    this.reader(context);
    const document = await this.reads.get(name);
    if (!document) throw FrappeError.doesNotExist(this.doctype, name);
    return document;
  }

  async insert(doc: Record<string, unknown>, context: RequestContext): Promise<FrappeDocument> {
    const actor = this.manager(context);
    const { createDto, childTables } = this.writes;
    const body = await parseBody(createDto, clientFields(doc, childTables), this.doctype);
    return this.get(await this.writes.create(body, actor), context);
  }

  async update(
    name: string,
    changes: Record<string, unknown>,
    context: RequestContext,
  ): Promise<FrappeDocument> {
    const actor = this.manager(context);
    const fields = withoutStandardFields(clientFields(changes, this.writes.childTables));
    await this.writes.update(
      name,
      await parseBody(this.writes.updateDto, fields, this.doctype),
      actor,
    );
    return this.get(name, context);
  }

  async delete(name: string, context: RequestContext): Promise<void> {
    await this.writes.delete(name, this.manager(context));
  }

  private reader(context: RequestContext): void {
    if (!canReadSlaDocuments(context)) throw notPermittedOn(this.doctype);
  }

  private manager(context: RequestContext): SlaActor {
    if (!canManageSlaDocuments(context)) throw notPermittedOn(this.doctype);
    return { user: context.user, correlationId: context.correlationId };
  }
}

const ROW_BOOKKEEPING: ReadonlySet<string> = new Set([
  ...STANDARD_FIELDNAMES,
  'parent',
  'parentfield',
  'parenttype',
]);

/**
 * What a client may be asking to set: a document read and sent back carries Frappe's row
 * bookkeeping in its child tables (`name`, `idx`, `parent`, …) and the form's own `__` state;
 * both are dropped so the DocType's DTO sees fields only.
 */
export function clientFields(
  doc: Record<string, unknown>,
  childTables: readonly string[],
): Record<string, unknown> {
  const fields = Object.fromEntries(Object.entries(doc).filter(([key]) => !key.startsWith('__')));
  for (const table of childTables) {
    const rows = fields[table];
    if (!Array.isArray(rows)) continue;
    fields[table] = rows.map((row: unknown) =>
      typeof row === 'object' && row !== null && !Array.isArray(row)
        ? Object.fromEntries(
            Object.entries(row).filter(
              ([key]) => !ROW_BOOKKEEPING.has(key) && !key.startsWith('__'),
            ),
          )
        : row,
    );
  }
  return fields;
}

/** A child table as given: rows mapped, `null` (clear it) and `undefined` (not given) kept. */
export function mapRows<R, T>(
  given: readonly R[] | null | undefined,
  row: (value: R) => T,
): T[] | null | undefined {
  return given === null || given === undefined ? given : given.map(row);
}
