import type { ContactContext } from '../ticket.context.js';
import { TicketRuleViolation } from '../ticket-rule-violation.js';
import { forbidden } from './guards.js';

/**
 * `validate_portal_contact`: a non-agent who names a contact on a new ticket, or changes it, may
 * only name their own.
 */
export function assertOwnContact(
  contact: string | null,
  actorIsAgent: boolean,
  context: ContactContext,
): void {
  if (actorIsAgent || contact === null || contact === context.actorContact) return;
  throw forbidden('You can only raise tickets for your own contact.');
}

/**
 * Who raises a new ticket: an agent may open one for anybody (`raised_by` as given, the caller
 * when blank); anyone else raises it themselves, so a portal customer cannot file a ticket under
 * another person's address, where it would show in that person's portal.
 */
export function raiserOf(
  given: string | null | undefined,
  actor: string,
  actorIsAgent: boolean,
): string {
  const named = given === undefined || given === null || given.trim() === '' ? null : given;
  return actorIsAgent && named !== null ? named : actor;
}

/** `set_contact`: an empty contact is filled from the Contact with the raiser's email address. */
export function contactOfRaiser(
  contact: string | null,
  raisedBy: string,
  context: ContactContext,
): string | null {
  if (contact !== null || context.contactOfEmail === undefined) return contact;
  return context.contactOfEmail(emailAddress(raisedBy)) ?? null;
}

export interface CustomerCheck {
  customer: string | null;
  contact: string | null;
  isNew: boolean;
  customerChanged: boolean;
  viaCustomerPortal: boolean;
  actorIsAgent: boolean;
}

/**
 * `set_customer` (with `auto_set_customer_from_contact`): a non-agent's customer must be one of
 * the contact's; a new ticket without one takes the contact's only customer. Existing tickets are
 * checked only when the customer changes.
 */
export function customerFor(check: CustomerCheck, context: ContactContext): string | null {
  const { customer, contact } = check;
  const customersOf = context.customersOfContact;
  if (context.autoSetCustomerFromContact === false) return customer;
  const checked = check.isNew || check.customerChanged;
  // Naming a customer puts the ticket in front of that customer's managers, so a non-agent must
  // be linked to it; with no contact (or no directory to ask) nothing proves the link.
  if (customer !== null && checked && !check.actorIsAgent) {
    const linked = contact !== null && customersOf !== undefined ? customersOf(contact) : [];
    if (!linked.includes(customer)) throw notLinked(customer, contact);
  }
  if (customersOf === undefined || contact === null || !checked) return customer;
  const linked = customersOf(contact);
  if (customer !== null) return customer;
  if (!check.isNew) return null;
  if (linked.length === 1) return linked[0] ?? null;
  if (linked.length > 1 && !check.actorIsAgent && check.viaCustomerPortal) {
    throw new TicketRuleViolation(
      'invalid',
      `The contact ${contact} is linked to multiple customers. Please select the customer manually.`,
      ['customer'],
    );
  }
  return null;
}

function notLinked(customer: string, contact: string | null): TicketRuleViolation {
  return new TicketRuleViolation(
    'invalid',
    `The selected customer ${customer} is not linked to the contact ${contact ?? ''}.Please select a valid customer or update the contact's linked customers.`,
    ['customer'],
  );
}

/** The address in `Jane Doe <jane@example.com>`, or the whole value when it is a bare address. */
export function emailAddress(value: string): string {
  const bracketed = /<([^<>]+)>/.exec(value);
  return (bracketed?.[1] ?? value).trim();
}
