import type { Sql } from '@helpdesk/shared-event-store';
import type { ContactContext } from '@helpdesk/ticket-domain';

/** Whose ticket a save is about: the caller, the raiser's address and the contacts it may name. */
export interface ContactLinkQuery {
  actor: string;
  /** The bare address the ticket is raised from (`set_contact` looks it up). */
  raiserEmail: string;
  /** Contacts whose customers `set_customer` may need: the given one and the current one. */
  contacts: readonly (string | null)[];
  /** HD Settings `auto_set_customer_from_contact`. */
  autoSetCustomerFromContact: boolean;
}

/**
 * ticket-service's copy of contacts and customer memberships, read inside the save's transaction
 * and handed to `decide` as plain lookups (frappe-api §1.1.3 steps 10–12).
 */
export interface ContactLinks {
  load(sql: Sql, query: ContactLinkQuery): Promise<ContactContext>;
}
