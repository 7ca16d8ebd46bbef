import { FrappeError, withoutStandardFields } from '@helpdesk/shared-frappe-api';
import type { CatalogueDoctype, CatalogueValues } from '@helpdesk/ticket-catalogue-domain';
import type { DoctypeResource, FrappeDocument } from '../doctype-resource.js';
import { notSupported } from '../doctype-resource.js';
import { isAgent, type RequestContext } from '../request-context.js';
import type { CatalogueCommands } from './catalogue.handlers.js';

export interface CatalogueDocuments {
  list(doctype: CatalogueDoctype, params: Record<string, unknown>): Promise<unknown[]>;
  count(doctype: CatalogueDoctype, params: Record<string, unknown>): Promise<number>;
  document(doctype: CatalogueDoctype, name: string): Promise<FrappeDocument | undefined>;
  settingsDocument(): Promise<FrappeDocument>;
}

function valuesOf(doc: Record<string, unknown>): CatalogueValues {
  return withoutStandardFields(doc) as CatalogueValues;
}

/** HD Ticket Status / Priority / Type / Feedback Option as Frappe documents. */
export class CatalogueResource implements DoctypeResource {
  constructor(
    private readonly doctype: CatalogueDoctype,
    private readonly commands: CatalogueCommands,
    private readonly documents: CatalogueDocuments,
  ) {}

  list(params: Record<string, unknown>): Promise<unknown[]> {
    return this.documents.list(this.doctype, params);
  }

  count(params: Record<string, unknown>): Promise<number> {
    return this.documents.count(this.doctype, params);
  }

  async get(name: string): Promise<FrappeDocument> {
    const document = await this.documents.document(this.doctype, name);
    if (!document) throw FrappeError.doesNotExist(this.doctype, name);
    return document;
  }

  async insert(doc: Record<string, unknown>, context: RequestContext): Promise<FrappeDocument> {
    const typedName = typeof doc.name === 'string' ? doc.name : undefined;
    const name = await this.commands.add(this.doctype, valuesOf(doc), context, typedName);
    return this.get(name);
  }

  async update(
    name: string,
    changes: Record<string, unknown>,
    context: RequestContext,
  ): Promise<FrappeDocument> {
    await this.commands.change(this.doctype, name, valuesOf(changes), context);
    return this.get(name);
  }

  async delete(name: string, context: RequestContext): Promise<void> {
    await this.commands.remove(this.doctype, name, context);
  }
}

/**
 * Whether the caller may read HD Settings: agents read it, Agent Managers and System Managers
 * change it (frappe-api §1.16); portal customers get only `get_config`'s public subset.
 */
export function mayReadSettings(context: RequestContext): boolean {
  return isAgent(context);
}

function assertSettingsReader(context: RequestContext): void {
  if (!mayReadSettings(context)) throw FrappeError.permission('No permission to read HD Settings');
}

/** The single HD Settings document. */
export class HdSettingsResource implements DoctypeResource {
  constructor(
    private readonly commands: CatalogueCommands,
    private readonly documents: CatalogueDocuments,
  ) {}

  async list(_params: Record<string, unknown>, context: RequestContext): Promise<unknown[]> {
    assertSettingsReader(context);
    return [{ name: 'HD Settings' }];
  }

  async count(_params: Record<string, unknown>, context: RequestContext): Promise<number> {
    assertSettingsReader(context);
    return 1;
  }

  async get(name: string, context: RequestContext): Promise<FrappeDocument> {
    assertSettingsReader(context);
    if (name !== 'HD Settings') throw FrappeError.doesNotExist('HD Settings', name);
    return this.documents.settingsDocument();
  }

  async insert(): Promise<FrappeDocument> {
    throw notSupported('HD Settings', 'Creating another');
  }

  async update(
    name: string,
    changes: Record<string, unknown>,
    context: RequestContext,
  ): Promise<FrappeDocument> {
    if (name !== 'HD Settings') throw FrappeError.doesNotExist('HD Settings', name);
    await this.commands.changeSettings(valuesOf(changes), context);
    return this.get(name, context);
  }

  async delete(): Promise<void> {
    throw notSupported('HD Settings', 'Deleting');
  }
}
