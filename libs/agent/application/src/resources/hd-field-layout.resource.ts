import { randomBytes } from 'node:crypto';
import { checked, CreateFieldLayoutDto, UpdateFieldLayoutDto } from '@helpdesk/agent-contracts';
import { mayReadFieldLayout, type FieldLayoutInput } from '@helpdesk/agent-domain';
import { FrappeError, withoutStandardFields } from '@helpdesk/shared-frappe-api';
import { parseBody, type FrappeDocument, type RequestContext } from '@helpdesk/shared-messaging';
import type { PeopleCommands } from '../people-commands.js';
import type { PeopleDocuments } from '../people-documents.port.js';
import { viewerIsAgent, viewerIsSystemManager } from '../viewer.js';
import { PeopleResource, type ReadPolicy } from './read-only-people.resource.js';

const DOCTYPE = 'HD Field Layout';

/** System Managers read every layout, other agents the ones they own; nobody else any. */
const ownersAndSystemManagers: ReadPolicy = (context) => {
  if (viewerIsSystemManager(context)) return {};
  return viewerIsAgent(context) ? { ownedBy: context.user } : undefined;
};

function layoutInput(body: CreateFieldLayoutDto | UpdateFieldLayoutDto): FieldLayoutInput {
  const { document_type, user, type, layout } = body;
  return { document_type, user, type, layout, apply_to_system: checked(body.apply_to_system) };
}

/** Frappe's hash naming: ten random lower-case hex characters. */
const hashName = (): string => randomBytes(5).toString('hex');

/**
 * HD Field Layout: an agent's home dashboard (`layout`, the charts and their places). System
 * Managers keep every layout; Agents and Agent Managers see, save and delete only their own, as
 * Frappe's `if_owner` permission gives them.
 */
export class HdFieldLayoutResource extends PeopleResource {
  constructor(
    documents: PeopleDocuments,
    private readonly commands: PeopleCommands,
    private readonly newName: () => string = hashName,
  ) {
    super(DOCTYPE, documents, ownersAndSystemManagers);
  }

  /** Customers and guests are refused before their body is looked at. */
  private checkAgent(context: RequestContext): void {
    if (!viewerIsAgent(context))
      throw FrappeError.permission(`Insufficient Permission for ${DOCTYPE}`);
  }

  /** Another agent's layout exists but is not theirs to read: Frappe's PermissionError. */
  override async get(name: string, context: RequestContext): Promise<FrappeDocument> {
    this.scope(context);
    const document = await this.documents.get(DOCTYPE, name);
    if (!document) throw FrappeError.doesNotExist(DOCTYPE, name);
    const layout = { user: document.user as string | null, owner: String(document.owner) };
    if (!mayReadFieldLayout({ actor: context.user, roles: context.roles }, layout))
      throw FrappeError.permission(`No permission to read ${DOCTYPE} ${name}`);
    return document;
  }

  override async insert(doc: Record<string, unknown>, context: RequestContext) {
    this.checkAgent(context);
    const body = await parseBody(CreateFieldLayoutDto, doc, DOCTYPE);
    const name = this.newName();
    await this.commands.transaction(DOCTYPE, name, (sql) =>
      this.commands.onFieldLayout(
        sql,
        name,
        { type: 'CreateFieldLayout', name, fields: layoutInput(body) },
        context,
      ),
    );
    return this.get(name, context);
  }

  override async update(
    name: string,
    changes: Record<string, unknown>,
    context: RequestContext,
  ): Promise<FrappeDocument> {
    this.checkAgent(context);
    const body = await parseBody(UpdateFieldLayoutDto, withoutStandardFields(changes), DOCTYPE);
    await this.commands.transaction(DOCTYPE, name, (sql) =>
      this.commands.onFieldLayout(
        sql,
        name,
        { type: 'EditFieldLayout', changes: layoutInput(body) },
        context,
      ),
    );
    return this.get(name, context);
  }

  override async delete(name: string, context: RequestContext): Promise<void> {
    this.checkAgent(context);
    await this.commands.transaction(DOCTYPE, name, (sql) =>
      this.commands.onFieldLayout(sql, name, { type: 'RemoveFieldLayout' }, context),
    );
  }
}
