import type { Sql } from '@helpdesk/shared-event-store';
import type { ContactLinkQuery, ContactLinks } from '@helpdesk/ticket-application';
import type { ContactContext } from '@helpdesk/ticket-domain';

/**
 * Contact lookups from ticket-service's people copy (`ticket.people_contact`,
 * `ticket.people_customer_member`), kept from agent-service's events.
 */
export class PostgresContactLinks implements ContactLinks {
  async load(sql: Sql, query: ContactLinkQuery): Promise<ContactContext> {
    const [actorContact, raiserContact] = await Promise.all([
      this.contactOfUser(sql, query.actor),
      this.contactOfEmail(sql, query.raiserEmail),
    ]);
    const contacts = [...new Set([...query.contacts, raiserContact])].filter(
      (contact): contact is string => typeof contact === 'string',
    );
    const customers = await this.customersOf(sql, contacts);
    return {
      actorContact,
      contactOfEmail: (email) =>
        (email === query.raiserEmail ? raiserContact : undefined) ?? undefined,
      customersOfContact: (contact) => customers.get(contact) ?? [],
      autoSetCustomerFromContact: query.autoSetCustomerFromContact,
    };
  }

  /** Contact.user = the user, else the one Contact with their address and no user of its own. */
  private async contactOfUser(sql: Sql, user: string): Promise<string | null> {
    const { rows } = await sql.query<{ name: string }>(
      `SELECT name FROM ticket.people_contact
        WHERE user_id = $1 OR (user_id IS NULL AND email_id = $1)
        ORDER BY (user_id IS NULL), name LIMIT 1`,
      [user],
    );
    return rows[0]?.name ?? null;
  }

  private async contactOfEmail(sql: Sql, email: string): Promise<string | null> {
    if (email === '') return null;
    const { rows } = await sql.query<{ name: string }>(
      `SELECT name FROM ticket.people_contact WHERE email_id = $1 ORDER BY name LIMIT 1`,
      [email],
    );
    return rows[0]?.name ?? null;
  }

  private async customersOf(
    sql: Sql,
    contacts: readonly string[],
  ): Promise<ReadonlyMap<string, string[]>> {
    const found = new Map<string, string[]>();
    if (contacts.length === 0) return found;
    const { rows } = await sql.query<{ contact: string; customer: string }>(
      `SELECT contact, customer FROM ticket.people_customer_member
        WHERE contact = ANY($1) ORDER BY customer`,
      [contacts],
    );
    for (const { contact, customer } of rows)
      found.set(contact, [...(found.get(contact) ?? []), customer]);
    return found;
  }
}
