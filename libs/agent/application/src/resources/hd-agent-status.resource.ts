import { CreateAgentStatusDto, UpdateAgentStatusDto, checked } from '@helpdesk/agent-contracts';
import type { AgentStatusInput } from '@helpdesk/agent-domain';
import { FrappeError, withoutStandardFields } from '@helpdesk/shared-frappe-api';
import { parseBody, type FrappeDocument, type RequestContext } from '@helpdesk/shared-messaging';
import type { PeopleCommands } from '../people-commands.js';
import type { PeopleDocuments } from '../people-documents.port.js';
import { viewerIsAgent } from '../viewer.js';
import { PeopleResource } from './read-only-people.resource.js';

function statusInput(body: CreateAgentStatusDto | UpdateAgentStatusDto): AgentStatusInput {
  const { category, color, status_order } = body;
  return { category, color, status_order, enable: checked(body.enable) };
}

/**
 * HD Agent Status (frappe-api §1.6): agents read the catalogue; Agent Managers, System Managers
 * and Administrator keep it.
 */
export class HdAgentStatusResource extends PeopleResource {
  constructor(
    documents: PeopleDocuments,
    private readonly commands: PeopleCommands,
  ) {
    super('HD Agent Status', documents, (context) => (viewerIsAgent(context) ? {} : undefined));
  }

  override async insert(doc: Record<string, unknown>, context: RequestContext) {
    const body = await parseBody(CreateAgentStatusDto, doc, 'HD Agent Status');
    const name = body.agent_status.trim();
    await this.commands.transaction('HD Agent Status', name, (sql) =>
      this.commands.onAgentStatus(
        sql,
        name,
        { type: 'CreateAgentStatus', agent_status: body.agent_status, fields: statusInput(body) },
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
    const body = await parseBody(
      UpdateAgentStatusDto,
      withoutStandardFields(changes),
      'HD Agent Status',
    );
    if (body.agent_status !== undefined && body.agent_status.trim() !== name)
      throw FrappeError.validation(
        'An HD Agent Status is named by its agent_status, which is renamed, not saved',
      );
    await this.commands.transaction('HD Agent Status', name, (sql) =>
      this.commands.onAgentStatus(
        sql,
        name,
        { type: 'EditAgentStatus', changes: statusInput(body) },
        context,
      ),
    );
    return this.get(name, context);
  }

  override async delete(name: string, context: RequestContext): Promise<void> {
    await this.commands.transaction('HD Agent Status', name, (sql) =>
      this.commands.onAgentStatus(sql, name, { type: 'RemoveAgentStatus' }, context),
    );
  }
}
