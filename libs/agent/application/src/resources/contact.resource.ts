import { ContactDocDto, checked } from '@helpdesk/agent-contracts';
import type { ContactInput, ContactPhone } from '@helpdesk/agent-domain';
import { FrappeError, withoutStandardFields } from '@helpdesk/shared-frappe-api';
import { parseBody, type FrappeDocument, type RequestContext } from '@helpdesk/shared-messaging';
import type { ContactDirectory } from '../directory/contact-directory.js';
import type { PeopleCommands } from '../people-commands.js';
import type { PeopleDocuments } from '../people-documents.port.js';
import { viewerIsAgent } from '../viewer.js';
import { PeopleResource, type ReadPolicy } from './read-only-people.resource.js';

/** Agents read every row; anyone else only the documents they are part of. */
export const agentsOrMembers: ReadPolicy = (context) =>
  viewerIsAgent(context) ? {} : { memberOf: context.user };

/** The fields of a Contact document as a client sends them, child rows included. */
export function contactInput(body: ContactDocDto): ContactInput {
  const input: ContactInput = {};
  for (const field of ['first_name', 'last_name', 'company_name', 'image'] as const)
    if (body[field] !== undefined) input[field] = body[field];
  if (body.email_ids)
    input.email_ids = body.email_ids.map((row) => ({
      email_id: row.email_id,
      is_primary: checked(row.is_primary) ?? false,
    }));
  else if (body.email_id) input.email_ids = [{ email_id: body.email_id, is_primary: true }];
  if (body.phone_nos)
    input.phone_nos = body.phone_nos.map((row) => ({
      phone: row.phone,
      is_primary_phone: checked(row.is_primary_phone) ?? false,
      is_primary_mobile_no: checked(row.is_primary_mobile_no) ?? false,
    }));
  else if (body.phone || body.mobile_no) input.phone_nos = phoneRows(body.phone, body.mobile_no);
  return input;
}

function phoneRows(phone?: string | null, mobile?: string | null): ContactPhone[] {
  if (phone && phone === mobile)
    return [{ phone, is_primary_phone: true, is_primary_mobile_no: true }];
  return [
    ...(phone ? [{ phone, is_primary_phone: true, is_primary_mobile_no: false }] : []),
    ...(mobile ? [{ phone: mobile, is_primary_phone: false, is_primary_mobile_no: true }] : []),
  ];
}

/** Contact (Frappe core, as Helpdesk uses it): agents keep the directory. */
export class ContactResource extends PeopleResource {
  constructor(
    documents: PeopleDocuments,
    private readonly commands: PeopleCommands,
    private readonly directory: ContactDirectory,
  ) {
    super('Contact', documents, agentsOrMembers);
  }

  override async insert(doc: Record<string, unknown>, context: RequestContext) {
    const body = await parseBody(ContactDocDto, doc, 'Contact');
    const contact = await this.commands.transaction(
      'Contact',
      body.first_name ?? undefined,
      (sql) => this.directory.create(sql, contactInput(body), body.user ?? null, context),
    );
    return this.get(contact.name, context);
  }

  override async update(
    name: string,
    changes: Record<string, unknown>,
    context: RequestContext,
  ): Promise<FrappeDocument> {
    const body = await parseBody(ContactDocDto, withoutStandardFields(changes), 'Contact');
    if (body.name !== undefined && body.name !== name)
      throw FrappeError.validation('A Contact cannot be renamed by saving it');
    await this.commands.transaction('Contact', name, async (sql) => {
      await this.commands.onContact(
        sql,
        name,
        { type: 'EditContact', changes: contactInput(body) },
        context,
      );
      if (body.user)
        await this.commands.onContact(
          sql,
          name,
          { type: 'LinkContactUser', user: body.user },
          context,
        );
    });
    return this.get(name, context);
  }

  override async delete(name: string, context: RequestContext): Promise<void> {
    await this.commands.transaction('Contact', name, (sql) =>
      this.directory.remove(sql, name, context),
    );
  }
}
