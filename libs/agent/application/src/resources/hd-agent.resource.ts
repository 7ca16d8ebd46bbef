import { withoutStandardFields } from '@helpdesk/shared-frappe-api';
import { CreateHdAgentDto, UpdateHdAgentDto, checked } from '@helpdesk/agent-contracts';
import { userNameOf } from '@helpdesk/agent-domain';
import { parseBody, type FrappeDocument, type RequestContext } from '@helpdesk/shared-messaging';
import type { PeopleCommands } from '../people-commands.js';
import type { PeopleDocuments } from '../people-documents.port.js';
import { viewerIsAgent } from '../viewer.js';
import { PeopleResource } from './read-only-people.resource.js';
import { enrolAgent } from './enrol-agent.js';

/** HD Agent: readable and writable by agents (frappe-api §1.6), named by its user. */
export class HdAgentResource extends PeopleResource {
  constructor(
    documents: PeopleDocuments,
    private readonly commands: PeopleCommands,
  ) {
    super('HD Agent', documents, (context) => (viewerIsAgent(context) ? {} : undefined));
  }

  override async insert(doc: Record<string, unknown>, context: RequestContext) {
    const body = await parseBody(CreateHdAgentDto, doc, 'HD Agent');
    const user = userNameOf(body.user);
    await this.commands.transaction('HD Agent', user, (sql) =>
      enrolAgent(this.commands, sql, user, context, {
        agent_name: body.agent_name ?? null,
        user_image: body.user_image ?? null,
        is_active: checked(body.is_active),
        availability: body.availability ?? null,
      }),
    );
    return this.get(user, context);
  }

  override async update(
    name: string,
    changes: Record<string, unknown>,
    context: RequestContext,
  ): Promise<FrappeDocument> {
    const body = await parseBody(UpdateHdAgentDto, withoutStandardFields(changes), 'HD Agent');
    // `user` names the document and `availability_changed_on` is read-only: both are ignored.
    const { agent_name, user_image, is_active, availability } = body;
    await this.commands.transaction('HD Agent', name, (sql) =>
      this.commands.onAgent(
        sql,
        name,
        {
          type: 'EditAgent',
          changes: { agent_name, user_image, availability, is_active: checked(is_active) },
        },
        context,
      ),
    );
    return this.get(name, context);
  }

  override async delete(name: string, context: RequestContext): Promise<void> {
    await this.commands.transaction('HD Agent', name, (sql) =>
      this.commands.onAgent(sql, name, { type: 'RemoveAgent' }, context),
    );
  }
}
