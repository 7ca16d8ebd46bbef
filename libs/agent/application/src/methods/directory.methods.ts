import {
  AcceptInvitationArgs,
  AddContactsArgs,
  AppNameArgs,
  CreateContactArgs,
  CreateCustomerArgs,
  EditContactArgs,
  InvitationNameArgs,
  InviteByEmailArgs,
  NamedDocumentArgs,
  SearchContactsArgs,
  checked,
} from '@helpdesk/agent-contracts';
import { CUSTOMER_ROLES, userNameOf, type ContactInput } from '@helpdesk/agent-domain';
import type { Sql } from '@helpdesk/shared-event-store';
import { FrappeError, jsonArgument } from '@helpdesk/shared-frappe-api';
import {
  parseBody,
  type MethodHandler,
  type MethodReply,
  type RequestContext,
} from '@helpdesk/shared-messaging';
import type { ContactDirectory } from '../directory/contact-directory.js';
import type { ContactTicketCounts } from '../directory/ticket-counts.port.js';
import { HELPDESK_APP, type Invitations } from '../directory/invitations.js';
import type { PeopleCommands } from '../people-commands.js';
import type { DirectoryLookups, PeopleDocuments } from '../people-documents.port.js';
import { viewerIsAgent, viewerIsManager, viewerIsSystemManager } from '../viewer.js';

const flag = (value: unknown) => value === true || value === 1 || value === '1' || value === 'true';

/** Frappe's `validate_phone_number_with_country_code`, without a numbering plan: `+` and digits. */
function checkPhone(phone: string | null | undefined, field: string): void {
  if (!phone) return;
  if (!phone.trim().startsWith('+'))
    throw new FrappeError(
      'ValidationError',
      `Please select a country code for field ${field}.`,
      'Country Code Required',
    );
  const digits = phone.replace(/[\s().-]/g, '').slice(1);
  if (!/^\d{6,15}$/.test(digits))
    throw new FrappeError(
      'ValidationError',
      `Phone Number ${phone} set in field ${field} is not valid.`,
      'Invalid Phone Number',
    );
}

function agentOnly(context: RequestContext): void {
  if (!viewerIsAgent(context))
    throw FrappeError.permission('You are not permitted to access this resource.');
}

/** `helpdesk.api.contact.*`, `helpdesk.api.customer.*` and Frappe's User Invitation API. */
export class DirectoryMethods {
  constructor(
    private readonly commands: PeopleCommands,
    private readonly documents: PeopleDocuments,
    private readonly lookups: DirectoryLookups,
    private readonly contacts: ContactDirectory,
    private readonly invitations: Invitations,
    private readonly ticketCounts: ContactTicketCounts,
  ) {}

  registry(): [string, MethodHandler][] {
    const invitation = (method: string, handler: MethodHandler): [string, MethodHandler][] =>
      [
        'frappe.core.api.user_invitation',
        'frappe.core.doctype.user_invitation.user_invitation',
      ].map((module) => [`${module}.${method}`, handler]);
    return [
      ['helpdesk.api.contact.search_contacts', (p, c) => this.searchContacts(p, c)],
      ['helpdesk.api.contact.create_contact', (p, c) => this.createContact(p, c)],
      ['helpdesk.api.contact.edit_contact', (p, c) => this.editContact(p, c)],
      ['helpdesk.api.contact.get_contact_info', (p, c) => this.contactInfo(p, c)],
      ['helpdesk.api.contact.delete_contact', (p, c) => this.deleteContact(p, c)],
      ['helpdesk.api.customer.create_customer', (p, c) => this.createCustomer(p, c)],
      ['helpdesk.api.customer.delete_customer', (p, c) => this.deleteCustomer(p, c)],
      ...invitation('invite_by_email', (p, c) => this.inviteByEmail(p, c)),
      ...invitation('accept_invitation', (p, c) => this.acceptInvitation(p, c)),
      ...invitation('get_pending_invitations', (p, c) => this.pendingInvitations(p, c)),
      ...invitation('cancel_invitation', (p, c) => this.cancelInvitation(p, c)),
      ...invitation('resend_invitation', (p, c) => this.resendInvitation(p, c)),
    ];
  }

  private transaction<T>(doctype: string, work: (sql: Sql) => Promise<T>) {
    return this.commands.transaction(doctype, undefined, work);
  }

  /** Up to ten contacts with an address, matched on name, full name or address. */
  private async searchContacts(params: unknown, context: RequestContext): Promise<MethodReply> {
    const { txt, additional_filters } = await parseBody(SearchContactsArgs, params, 'Contact');
    const fields = ['full_name', 'email_id', 'name'];
    const rows = await this.documents.list(
      'Contact',
      {
        fields,
        filters: [['email_id', 'is', 'set'], ...(additional_filters ?? [])],
        or_filters: txt ? fields.map((field) => [field, 'like', `%${txt}%`]) : [],
        order_by: 'email_id asc, full_name asc, name asc',
        limit_page_length: 10,
      },
      viewerIsAgent(context) ? {} : { memberOf: context.user },
    );
    return { message: rows };
  }

  private async createContact(params: unknown, context: RequestContext): Promise<MethodReply> {
    agentOnly(context);
    const { doc, invite } = await parseBody(CreateContactArgs, params, 'Contact');
    checkPhone(doc.phone, 'Phone');
    const input: ContactInput = {
      first_name: doc.first_name ?? null,
      last_name: doc.last_name ?? null,
      image: doc.image ?? null,
      ...(doc.email ? { email_ids: [{ email_id: doc.email, is_primary: true }] } : {}),
      ...(doc.phone
        ? { phone_nos: [{ phone: doc.phone, is_primary_phone: true, is_primary_mobile_no: true }] }
        : {}),
    };
    const name = await this.transaction('Contact', async (sql) => {
      const contact = await this.contacts.create(sql, input, null, context);
      if (flag(invite) && doc.email)
        await this.invitations.invite(
          sql,
          [doc.email],
          {
            roles: ['HD Customer'],
            redirect_to_path: '/helpdesk',
            app_name: HELPDESK_APP,
            contact: contact.name,
            customer: doc.customer ?? null,
          },
          context,
        );
      return contact.name;
    });
    return { message: name };
  }

  /** Replaces the address and phone rows when given; one `is_primary` marks phone and mobile. */
  private async editContact(params: unknown, context: RequestContext): Promise<MethodReply> {
    const { name, doc } = await parseBody(EditContactArgs, params, 'Contact');
    doc.phone_nos?.forEach((row, i) => checkPhone(row.phone, `Phone-row ${i + 1}`));
    const changes: ContactInput = {};
    for (const field of ['first_name', 'last_name', 'image'] as const)
      if (doc[field] !== undefined) changes[field] = doc[field];
    if (doc.email_ids)
      changes.email_ids = doc.email_ids.map((row) => ({
        email_id: row.email_id,
        is_primary: checked(row.is_primary) ?? false,
      }));
    if (doc.phone_nos)
      changes.phone_nos = doc.phone_nos.map((row) => ({
        phone: row.phone,
        is_primary_phone: checked(row.is_primary) ?? false,
        is_primary_mobile_no: checked(row.is_primary) ?? false,
      }));
    await this.transaction('Contact', async (sql) => {
      const contact = await this.commands.onContact(
        sql,
        name,
        { type: 'EditContact', changes },
        context,
      );
      if (!contact?.user || (doc.image === undefined && doc.timezone === undefined)) return;
      // The linked user's picture and time zone follow, where the caller may edit that user.
      if (contact.user !== context.user && !viewerIsSystemManager(context)) return;
      await this.commands.onUser(
        sql,
        contact.user,
        {
          type: 'EditUserProfile',
          changes: {
            ...(doc.image !== undefined ? { user_image: doc.image } : {}),
            ...(doc.timezone !== undefined ? { time_zone: doc.timezone } : {}),
          },
        },
        context,
      );
    });
    return { message: name };
  }

  private async contactInfo(params: unknown, context: RequestContext): Promise<MethodReply> {
    const { name } = await parseBody(NamedDocumentArgs, params, 'Contact');
    const scope = viewerIsAgent(context) ? {} : { memberOf: context.user };
    const contact = await this.documents.get('Contact', name, scope);
    if (!contact) throw FrappeError.permission(`No permission to read Contact ${name}`);
    return this.transaction('Contact', async (sql) => {
      const email = (contact.email_id as string | null) ?? null;
      const user = contact.user ? await this.commands.user(sql, String(contact.user)) : undefined;
      const invitation = user
        ? undefined
        : await this.invitations.openInvitationOf(sql, name, email);
      return {
        message: {
          customers: await this.lookups.customersOfContact(sql, name),
          last_seen: null,
          ...(invitation ? { invitation } : {}),
          ...(user?.time_zone ? { timezone: user.time_zone } : {}),
        },
      };
    });
  }

  private async deleteContact(params: unknown, context: RequestContext): Promise<MethodReply> {
    const { name, delete_tickets } = await parseBody(NamedDocumentArgs, params, 'Contact');
    await this.transaction('Contact', (sql) =>
      this.contacts.remove(sql, name, context, flag(delete_tickets)),
    );
    return {};
  }

  /**
   * The customer and, when given, its primary contact (found by address or created) as a manager
   * member; a primary contact without a user is invited as an HD Customer Manager.
   */
  private async createCustomer(params: unknown, context: RequestContext): Promise<MethodReply> {
    const { customer, primary_contact } = await parseBody(
      CreateCustomerArgs,
      params,
      'HD Customer',
    );
    const name = customer.customer_name.trim();
    const invited = await this.transaction('HD Customer', async (sql) => {
      const { events } = await this.commands.onCustomer(
        sql,
        name,
        {
          type: 'CreateCustomer',
          customer_name: name,
          fields: {
            customer_type: customer.customer_type ?? null,
            domain: customer.domain ?? null,
            image: customer.image ?? null,
            country: customer.country ?? null,
          },
        },
        context,
      );
      await this.contacts.syncMemberRoles(sql, events, context);
      const email = primary_contact?.email ? userNameOf(primary_contact.email) : undefined;
      if (!email) return [];
      checkPhone(primary_contact?.mobile_no, 'Phone');
      const contact =
        (await this.lookups.contactOfEmail(sql, email)) ??
        (
          await this.contacts.create(
            sql,
            {
              first_name: primary_contact?.first_name ?? null,
              last_name: primary_contact?.last_name ?? null,
              email_ids: [{ email_id: email, is_primary: true }],
              ...(primary_contact?.mobile_no
                ? {
                    phone_nos: [
                      {
                        phone: primary_contact.mobile_no,
                        is_primary_phone: true,
                        is_primary_mobile_no: true,
                      },
                    ],
                  }
                : {}),
            },
            null,
            context,
          )
        ).name;
      const joined = await this.commands.onCustomer(
        sql,
        name,
        {
          type: 'EditCustomer',
          changes: {
            contacts: [{ contact_name: contact, is_manager: true }],
            primary_contact: contact,
          },
        },
        context,
      );
      await this.contacts.syncMemberRoles(sql, joined.events, context);
      if (await this.contacts.userOf(sql, contact, context)) return [];
      const result = await this.invitations.invite(
        sql,
        [email],
        {
          roles: ['HD Customer Manager'],
          redirect_to_path: '/helpdesk',
          app_name: HELPDESK_APP,
          contact,
          customer: name,
        },
        context,
      );
      return result.invited_emails;
    });
    return { message: { name, invited_emails: invited } };
  }

  private async deleteCustomer(params: unknown, context: RequestContext): Promise<MethodReply> {
    const { name, delete_tickets } = await parseBody(NamedDocumentArgs, params, 'HD Customer');
    const deleteTickets = flag(delete_tickets);
    await this.transaction('HD Customer', (sql) =>
      this.commands.onCustomer(sql, name, { type: 'RemoveCustomer', deleteTickets }, context),
    );
    return {};
  }

  private async inviteByEmail(params: unknown, context: RequestContext): Promise<MethodReply> {
    const args = await parseBody(InviteByEmailArgs, params, 'User Invitation');
    const emails = (Array.isArray(args.emails) ? args.emails : String(args.emails).split(/[,\n]/))
      .map((email) => email.trim())
      .filter((email) => email !== '');
    if (emails.length === 0) throw FrappeError.validation('No email addresses to invite');
    const result = await this.transaction('User Invitation', (sql) =>
      this.invitations.invite(
        sql,
        emails,
        {
          roles: args.roles,
          redirect_to_path: args.redirect_to_path ?? '/helpdesk',
          app_name: args.app_name ?? HELPDESK_APP,
          contact: args.contact ?? null,
          customer: args.customer ?? null,
        },
        context,
      ),
    );
    return { message: result };
  }

  /**
   * The key is the credential, so any caller may accept. Frappe then signs the invitee in; here
   * the answer carries their first API key pair instead (shown once), and where to go next.
   */
  private async acceptInvitation(params: unknown, context: RequestContext): Promise<MethodReply> {
    const { key } = await parseBody(AcceptInvitationArgs, params, 'User Invitation');
    const { invitation, keys } = await this.transaction('User Invitation', (sql) =>
      this.invitations.accept(sql, key, context),
    );
    return {
      message: {
        user: invitation.email,
        redirect_to: invitation.redirect_to_path,
        ...(keys ?? {}),
      },
    };
  }

  private async pendingInvitations(params: unknown, context: RequestContext): Promise<MethodReply> {
    const { app_name } = await parseBody(AppNameArgs, params, 'User Invitation');
    if (!viewerIsManager(context)) throw FrappeError.permission('Not permitted');
    const rows = await this.transaction('User Invitation', (sql) =>
      this.lookups.pendingInvitations(sql, app_name ?? HELPDESK_APP),
    );
    return { message: rows.map(({ name, email, roles }) => ({ name, email, roles })) };
  }

  private async cancelInvitation(params: unknown, context: RequestContext): Promise<MethodReply> {
    const { name, app_name } = await parseBody(InvitationNameArgs, params, 'User Invitation');
    const cancelled_now = await this.transaction('User Invitation', (sql) =>
      this.invitations.cancel(sql, name, app_name ?? HELPDESK_APP, context),
    );
    return { message: { cancelled_now } };
  }

  private async resendInvitation(params: unknown, context: RequestContext): Promise<MethodReply> {
    const { name } = await parseBody(InvitationNameArgs, params, 'User Invitation');
    await this.transaction('User Invitation', (sql) => this.invitations.resend(sql, name, context));
    return {};
  }

  /** `run_doc_method` on an HD Customer the caller may read (frappe-api §1.7). */
  async runDocMethod(
    params: Record<string, unknown>,
    context: RequestContext,
  ): Promise<MethodReply> {
    const docs = jsonArgument(params.docs ?? {}, 'docs') as { name?: unknown; doctype?: unknown };
    const name = params.dn ?? docs.name;
    const method = params.method;
    const doctype = params.dt ?? docs.doctype;
    if (doctype !== 'HD Customer')
      throw FrappeError.permission(
        `Method ${String(method)} is not whitelisted for ${String(doctype)}`,
      );
    if (typeof name !== 'string' || name === '')
      throw new FrappeError('MandatoryError', 'Error: Value missing: dn', 'Missing Fields');
    const scope = viewerIsAgent(context) ? {} : { memberOf: context.user };
    const doc = await this.documents.get('HD Customer', name, scope);
    if (!doc) throw FrappeError.permission('Not permitted');
    const args = jsonArgument(params.args ?? params.arg ?? {}, 'args');
    const message = await this.customerMethod(name, String(method), args, context);
    const after = await this.documents.get('HD Customer', name, scope);
    return { docs: [after ?? doc], message };
  }

  private async customerMethod(
    name: string,
    method: string,
    args: unknown,
    context: RequestContext,
  ) {
    switch (method) {
      case 'get_contacts':
        agentOnly(context);
        return this.customerContacts(name);
      case 'add_contacts':
        return this.addContacts(name, args, context);
      case 'get_pending_invites': {
        if (!viewerIsManager(context))
          throw FrappeError.validation('You do not have permission to access this resource.');
        const rows = await this.transaction('User Invitation', (sql) =>
          this.invitations.pending(sql, name),
        );
        return rows.map(({ creation, ...row }) => ({ ...row, invited_on: creation.toISOString() }));
      }
      default:
        throw FrappeError.permission(`Method ${method} is not whitelisted for HD Customer`);
    }
  }

  /**
   * Members with their contact details and open tickets (counted by ticket-service), primary
   * first, then managers. `last_active` stays null: sign-ins are not tracked.
   */
  private async customerContacts(name: string) {
    const customer = await this.documents.get('HD Customer', name);
    const rows = (customer?.contacts ?? []) as { contact_name: string; is_manager: number }[];
    const members = [];
    for (const row of rows) {
      const contact = await this.documents.get('Contact', row.contact_name);
      if (contact) members.push({ row, contact });
    }
    const counts = await this.ticketCounts.openTickets(
      members.map(({ row, contact }) => ({
        name: row.contact_name,
        emails: emailsOf(contact),
      })),
    );
    const result = members.map(({ row, contact }) => ({
      contact_name: row.contact_name,
      is_primary: row.contact_name === customer?.primary_contact ? 1 : 0,
      is_manager: row.is_manager,
      email_id: contact.email_id ?? null,
      mobile_no: contact.mobile_no ?? contact.phone ?? null,
      image: contact.image ?? null,
      last_active: null,
      ticket_count: counts.get(row.contact_name) ?? 0,
    }));
    return result.sort((a, b) => b.is_primary - a.is_primary || b.is_manager - a.is_manager);
  }

  /** Contacts that have users join at once; the others are invited to the customer. */
  private async addContacts(name: string, args: unknown, context: RequestContext) {
    const { contacts, role = 'HD Customer' } = await parseBody(
      AddContactsArgs,
      args,
      'HD Customer',
    );
    if (!CUSTOMER_ROLES.includes(role as never))
      throw FrappeError.validation(`Invalid role ${role}`);
    if (!viewerIsManager(context))
      throw FrappeError.permission('You do not have permission to update contacts');
    if (contacts.length === 0) throw FrappeError.validation('No contacts to add');
    return this.transaction('HD Customer', async (sql) => {
      const added: string[] = [];
      const toInvite: { email: string; contact: string | null }[] = [];
      for (const entry of contacts) {
        const existing = await this.commands.contact(sql, entry);
        if (existing && !existing.email_id)
          throw FrappeError.validation(`Contact ${entry} has no email address`);
        const email = existing?.email_id ?? userNameOf(entry);
        const contact = existing?.name ?? (await this.lookups.contactOfEmail(sql, email)) ?? null;
        if (contact && (await this.contacts.userOf(sql, contact, context))) added.push(contact);
        else toInvite.push({ email, contact });
      }
      if (added.length > 0) {
        const { events } = await this.commands.onCustomer(
          sql,
          name,
          {
            type: 'AddCustomerMembers',
            members: added.map((contact_name) => ({
              contact_name,
              is_manager: role === 'HD Customer Manager',
            })),
          },
          context,
        );
        await this.contacts.syncMemberRoles(sql, events, context);
      }
      const invite_result = {
        invited_emails: [] as string[],
        pending_invite_emails: [] as string[],
        accepted_invite_emails: [] as string[],
        disabled_user_emails: [] as string[],
      };
      for (const { email, contact } of toInvite) {
        const result = await this.invitations.invite(
          sql,
          [email],
          {
            roles: [role],
            redirect_to_path: '/helpdesk',
            app_name: HELPDESK_APP,
            contact,
            customer: name,
          },
          context,
        );
        for (const key of Object.keys(invite_result) as (keyof typeof invite_result)[])
          invite_result[key].push(...result[key]);
      }
      return { added, invite_result };
    });
  }
}

/** Tickets belong to ticket-service; deleting them with their contact or customer is refused. */
/** A Contact's addresses: `email_id` and every `email_ids` row. */
function emailsOf(contact: Record<string, unknown>): string[] {
  const rows = Array.isArray(contact.email_ids)
    ? (contact.email_ids as { email_id?: unknown }[])
    : [];
  const all = [contact.email_id, ...rows.map((row) => row.email_id)];
  return [
    ...new Set(all.filter((email): email is string => typeof email === 'string' && email !== '')),
  ];
}
