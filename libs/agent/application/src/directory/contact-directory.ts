import {
  contactName,
  detailsOf,
  userNameOf,
  type ContactInput,
  type ContactRecord,
  type CustomerEvent,
  type InvitationRecord,
} from '@helpdesk/agent-domain';
import type { Sql } from '@helpdesk/shared-event-store';
import { FrappeError } from '@helpdesk/shared-frappe-api';
import type { RequestContext } from '@helpdesk/shared-messaging';
import type { PeopleCommands } from '../people-commands.js';
import type { DirectoryLookups } from '../people-documents.port.js';

/**
 * Contacts and the customers they belong to, as Helpdesk's controllers and hooks keep them: a new
 * contact is named after the person and linked to the user with its address; a deleted contact
 * leaves every customer; a member's manager flag decides their user's customer roles.
 */
export class ContactDirectory {
  constructor(
    private readonly commands: PeopleCommands,
    private readonly lookups: DirectoryLookups,
  ) {}

  async create(
    sql: Sql,
    input: ContactInput,
    user: string | null,
    context: RequestContext,
  ): Promise<ContactRecord> {
    const details = detailsOf(input);
    const base = details.full_name || details.email_id || '';
    if (base === '') throw FrappeError.mandatory('Contact', ['first_name']);
    const taken = await this.lookups.contactNamesLike(sql, base);
    const name = contactName(base, (candidate) => taken.has(candidate));
    // Frappe's `Contact.set_user`: the user with the contact's address, when there is one.
    const linked =
      user ?? (details.email_id ? (await this.commands.user(sql, details.email_id))?.name : null);
    const contact = await this.commands.onContact(
      sql,
      name,
      { type: 'CreateContact', name, details: input, user: linked || null },
      context,
    );
    return contact!;
  }

  /** Unlinks the contact from every customer, then deletes it. */
  /** ticket-service unlinks the contact's tickets, or deletes them with `deleteTickets`. */
  async remove(
    sql: Sql,
    name: string,
    context: RequestContext,
    deleteTickets = false,
  ): Promise<void> {
    if (!(await this.commands.contact(sql, name))) throw FrappeError.doesNotExist('Contact', name);
    for (const customer of await this.lookups.customersOfContact(sql, name)) {
      await this.commands.onCustomer(
        sql,
        customer.name,
        { type: 'RemoveCustomerMember', contact_name: name },
        context,
      );
    }
    await this.commands.onContact(sql, name, { type: 'RemoveContact', deleteTickets }, context);
  }

  /**
   * Helpdesk's `handle_roles`: whoever joined or whose manager flag flipped gets "HD Customer",
   * plus "HD Customer Manager" while they manage any customer (Frappe looks at one customer only,
   * which would demote a manager of another).
   */
  async syncMemberRoles(sql: Sql, events: readonly CustomerEvent[], context: RequestContext) {
    const touched = new Set<string>();
    for (const event of events) {
      if (event.type === 'CustomerCreated')
        event.data.contacts.forEach((row) => touched.add(row.contact_name));
      if (event.type === 'CustomerContactsChanged')
        [...event.data.added, ...event.data.manager_changed].forEach((row) =>
          touched.add(row.contact_name),
        );
    }
    await this.syncContactRoles(sql, [...touched], context);
  }

  private async syncContactRoles(sql: Sql, contacts: readonly string[], context: RequestContext) {
    for (const contact of contacts) {
      const user = await this.userOf(sql, contact, context);
      if (!user) continue;
      const manager = (await this.lookups.managedCustomers(sql, user)).length > 0;
      await this.commands.onUser(
        sql,
        user,
        {
          type: 'ChangeUserRoles',
          add: manager ? ['HD Customer', 'HD Customer Manager'] : ['HD Customer'],
          remove: manager ? [] : ['HD Customer Manager'],
        },
        context,
      );
    }
  }

  /** Frappe's `HDCustomer.get_user`: the contact's user, else the user with its address. */
  async userOf(sql: Sql, name: string, context: RequestContext): Promise<string | undefined> {
    const contact = await this.commands.contact(sql, name);
    if (!contact) return undefined;
    if (contact.user) return contact.user;
    const user = contact.email_id ? await this.commands.user(sql, contact.email_id) : undefined;
    if (!user) return undefined;
    await this.commands.onContact(sql, name, { type: 'LinkContactUser', user: user.name }, context);
    return user.name;
  }

  /**
   * Helpdesk's `after_accept` for customer roles: the invitation's contact (else the user's, else
   * the one with their address, else a new one) becomes the user's and joins the invited
   * customer, as a manager when "HD Customer Manager" was invited.
   */
  async joinFromInvitation(sql: Sql, invitation: InvitationRecord, context: RequestContext) {
    const email = userNameOf(invitation.email);
    const existing =
      (invitation.contact && (await this.commands.contact(sql, invitation.contact))?.name) ||
      (await this.lookups.contactOfUser(sql, email)) ||
      (await this.lookups.contactOfEmail(sql, email));
    const contact = existing
      ? (await this.commands.onContact(
          sql,
          existing,
          { type: 'LinkContactUser', user: email },
          context,
        ))!
      : await this.create(
          sql,
          {
            first_name: email.split('@')[0] ?? email,
            email_ids: [{ email_id: email, is_primary: true }],
          },
          email,
          context,
        );
    if (!invitation.customer || !(await this.commands.customer(sql, invitation.customer))) return;
    const is_manager = invitation.roles.includes('HD Customer Manager');
    await this.commands.onCustomer(
      sql,
      invitation.customer,
      { type: 'AddCustomerMembers', members: [{ contact_name: contact.name, is_manager }] },
      context,
    );
    // Already a member or not, the user's customer roles now follow their memberships.
    await this.syncContactRoles(sql, [contact.name], context);
  }
}
