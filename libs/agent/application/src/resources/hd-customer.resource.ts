import { HdCustomerDocDto, checked } from '@helpdesk/agent-contracts';
import type { CustomerInput } from '@helpdesk/agent-domain';
import { FrappeError, withoutStandardFields } from '@helpdesk/shared-frappe-api';
import { parseBody, type FrappeDocument, type RequestContext } from '@helpdesk/shared-messaging';
import type { ContactDirectory } from '../directory/contact-directory.js';
import type { PeopleCommands } from '../people-commands.js';
import type { PeopleDocuments } from '../people-documents.port.js';
import { PeopleResource } from './read-only-people.resource.js';
import { agentsOrMembers } from './contact.resource.js';

function customerInput(body: HdCustomerDocDto): CustomerInput {
  const input: CustomerInput = {};
  for (const field of ['customer_type', 'domain', 'image', 'country', 'primary_contact'] as const)
    if (body[field] !== undefined) input[field] = body[field];
  if (body.contacts)
    input.contacts = body.contacts.map((row) => ({
      contact_name: row.contact_name,
      is_manager: checked(row.is_manager) ?? false,
    }));
  return input;
}

/**
 * HD Customer (frappe-api §1.7): agents read all, members read theirs; Agent Managers and above
 * write all, an HD Customer Manager their own. Members' manager flags drive their users' roles.
 */
export class HdCustomerResource extends PeopleResource {
  constructor(
    documents: PeopleDocuments,
    private readonly commands: PeopleCommands,
    private readonly directory: ContactDirectory,
  ) {
    super('HD Customer', documents, agentsOrMembers);
  }

  override async insert(doc: Record<string, unknown>, context: RequestContext) {
    const body = await parseBody(HdCustomerDocDto, doc, 'HD Customer');
    if (!body.customer_name?.trim()) throw FrappeError.mandatory('HD Customer', ['customer_name']);
    const name = body.customer_name.trim();
    await this.commands.transaction('HD Customer', name, async (sql) => {
      const { events } = await this.commands.onCustomer(
        sql,
        name,
        { type: 'CreateCustomer', customer_name: name, fields: customerInput(body) },
        context,
      );
      await this.directory.syncMemberRoles(sql, events, context);
    });
    return this.get(name, context);
  }

  override async update(
    name: string,
    changes: Record<string, unknown>,
    context: RequestContext,
  ): Promise<FrappeDocument> {
    const body = await parseBody(HdCustomerDocDto, withoutStandardFields(changes), 'HD Customer');
    if (body.customer_name !== undefined && body.customer_name.trim() !== name)
      throw FrappeError.validation('An HD Customer is renamed, not saved under a new name');
    await this.commands.transaction('HD Customer', name, async (sql) => {
      const { events } = await this.commands.onCustomer(
        sql,
        name,
        { type: 'EditCustomer', changes: customerInput(body) },
        context,
      );
      await this.directory.syncMemberRoles(sql, events, context);
    });
    return this.get(name, context);
  }

  override async delete(name: string, context: RequestContext): Promise<void> {
    await this.commands.transaction('HD Customer', name, (sql) =>
      this.commands.onCustomer(sql, name, { type: 'RemoveCustomer' }, context),
    );
  }
}
