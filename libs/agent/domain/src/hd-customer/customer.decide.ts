import { stamp } from '../command-context.js';
import { PeopleRuleViolation } from '../agent-rule-violation.js';
import { isAgentActor, isAgentManager } from '../roles.js';
import type {
  CreateCustomer,
  CustomerCommand,
  CustomerContext,
  CustomerInput,
} from './customer.commands.js';
import type { CustomerEvent, PrimaryContact } from './customer.events.js';
import {
  CUSTOMER_TYPES,
  type CustomerDetails,
  type CustomerMember,
  type CustomerRecord,
  type CustomerState,
  type CustomerType,
} from './customer.state.js';

export function decideCustomer(command: CustomerCommand, state: CustomerState): CustomerEvent[] {
  switch (command.type) {
    case 'CreateCustomer':
      return create(command, state);
    case 'EditCustomer':
      checkWriter(command.context);
      return save(existing(state), command.changes, command.context);
    case 'AddCustomerMembers': {
      const customer = existing(state);
      checkWriter(command.context);
      const listed = new Set(customer.contacts.map((row) => row.contact_name));
      const added = command.members.filter((row) => !listed.has(row.contact_name));
      return save(customer, { contacts: [...customer.contacts, ...added] }, command.context);
    }
    case 'RemoveCustomerMember': {
      const customer = existing(state);
      // A consequence of deleting the contact, which any agent may do.
      if (!isAgentActor(command.context)) checkWriter(command.context);
      const contacts = customer.contacts.filter((row) => row.contact_name !== command.contact_name);
      const primary =
        customer.primary_contact === command.contact_name ? null : customer.primary_contact;
      return save(customer, { contacts, primary_contact: primary }, command.context);
    }
    case 'RemoveCustomer':
      existing(state);
      checkWriter(command.context);
      return [
        {
          type: 'CustomerRemoved',
          data: {
            ...stamp(command.context),
            ...(command.deleteTickets ? { delete_tickets: true } : {}),
          },
        },
      ];
  }
}

function existing(state: CustomerState): CustomerRecord {
  if (state.kind === 'absent') throw new PeopleRuleViolation('not-found', 'HD Customer not found');
  return state.customer;
}

/** Agent Managers and above write every customer; an HD Customer Manager writes their own. */
function checkWriter(context: CustomerContext): void {
  const ownManager = context.managesCustomer && context.roles.includes('HD Customer Manager');
  if (!isAgentManager(context) && !ownManager)
    throw new PeopleRuleViolation('permission', 'Insufficient Permission for HD Customer');
}

function create(command: CreateCustomer, state: CustomerState): CustomerEvent[] {
  if (!isAgentManager(command.context))
    throw new PeopleRuleViolation('permission', 'Insufficient Permission for HD Customer');
  const name = command.customer_name.trim();
  if (name === '')
    throw new PeopleRuleViolation(
      'mandatory',
      'Error: Value missing for HD Customer: customer_name',
    );
  if (state.kind === 'present')
    throw new PeopleRuleViolation('duplicate', `HD Customer ${name} already exists`);
  const { fields, context } = command;
  const contacts = members(fields.contacts ?? [], context);
  const primary = primaryContact(fields.primary_contact ?? null, contacts, context);
  return [
    {
      type: 'CustomerCreated',
      data: {
        ...stamp(context),
        customer_name: name,
        ...details({ customer_type: 'Company', domain: null, image: null, country: null }, fields),
        contacts: managedPrimary(contacts, primary.primary_contact),
        ...primary,
      },
    },
  ];
}

/** One save: Frappe's `validate` and `before_save`, recording only what changed. */
function save(
  customer: CustomerRecord,
  changes: CustomerInput,
  context: CustomerContext,
): CustomerEvent[] {
  const events: CustomerEvent[] = [];
  const next = details(customer, changes);
  const changed = (Object.keys(next) as (keyof CustomerDetails)[]).filter(
    (key) => next[key] !== customer[key],
  );
  if (changed.length > 0)
    events.push({
      type: 'CustomerDetailsChanged',
      data: { ...stamp(context), changes: Object.fromEntries(changed.map((k) => [k, next[k]])) },
    });
  const listed =
    changes.contacts === undefined ? customer.contacts : members(changes.contacts, context);
  const primaryName =
    changes.primary_contact === undefined ? customer.primary_contact : changes.primary_contact;
  const primary = primaryContact(primaryName, listed, context);
  const contacts = managedPrimary(listed, primary.primary_contact);
  const membership = membershipChange(customer.contacts, contacts);
  if (membership)
    events.push({ type: 'CustomerContactsChanged', data: { ...stamp(context), ...membership } });
  if (
    primary.primary_contact !== customer.primary_contact ||
    primary.email_id !== customer.email_id ||
    primary.mobile_no !== customer.mobile_no
  )
    events.push({ type: 'CustomerPrimaryContactChanged', data: { ...stamp(context), ...primary } });
  return events;
}

function details(current: CustomerDetails, changes: CustomerInput): CustomerDetails {
  const text = (value: string | null | undefined, was: string | null) =>
    value === undefined ? was : value === null || value.trim() === '' ? null : value.trim();
  return {
    customer_type:
      changes.customer_type === undefined || changes.customer_type === null
        ? current.customer_type
        : customerType(changes.customer_type),
    domain: text(changes.domain, current.domain),
    image: text(changes.image, current.image),
    country: text(changes.country, current.country),
  };
}

function customerType(value: string): CustomerType {
  if (!(CUSTOMER_TYPES as readonly string[]).includes(value))
    throw new PeopleRuleViolation(
      'invalid',
      `Customer Type cannot be "${value}". It should be one of "${CUSTOMER_TYPES.join('", "')}"`,
    );
  return value as CustomerType;
}

/** Each member an existing contact, listed once ("Duplicate contacts are not allowed"). */
function members(rows: readonly CustomerMember[], context: CustomerContext): CustomerMember[] {
  const names = rows.map((row) => row.contact_name.trim());
  if (names.some((name) => name === ''))
    throw new PeopleRuleViolation(
      'mandatory',
      'Error: Value missing for HD Customer Member: contact_name',
    );
  if (new Set(names).size !== names.length)
    throw new PeopleRuleViolation('invalid', 'Duplicate contacts are not allowed');
  const unknown = names.find((name) => context.contactDetails(name) === undefined);
  if (unknown !== undefined)
    throw new PeopleRuleViolation('link', `Could not find Contact: ${unknown}`);
  return rows.map((row, i) => ({ contact_name: names[i]!, is_manager: row.is_manager }));
}

/** The primary contact must be listed; its address and mobile number are fetched from it. */
function primaryContact(
  name: string | null,
  contacts: readonly CustomerMember[],
  context: CustomerContext,
): PrimaryContact {
  const primary = name?.trim() || null;
  if (primary === null) return { primary_contact: null, email_id: null, mobile_no: null };
  if (!contacts.some((row) => row.contact_name === primary))
    throw new PeopleRuleViolation('invalid', 'Primary contact must be one of the listed contacts');
  const fetched = context.contactDetails(primary);
  return {
    primary_contact: primary,
    email_id: fetched?.email_id ?? null,
    mobile_no: fetched?.mobile_no ?? null,
  };
}

/** Whoever is the primary contact is a manager. */
function managedPrimary(contacts: readonly CustomerMember[], primary: string | null) {
  return contacts.map((row) =>
    row.contact_name === primary ? { ...row, is_manager: true } : { ...row },
  );
}

function membershipChange(before: readonly CustomerMember[], after: CustomerMember[]) {
  const was = new Map(before.map((row) => [row.contact_name, row.is_manager]));
  const now = new Set(after.map((row) => row.contact_name));
  const added = after.filter((row) => !was.has(row.contact_name));
  const removed = before.filter((row) => !now.has(row.contact_name)).map((r) => r.contact_name);
  const manager_changed = after.filter(
    (row) => was.has(row.contact_name) && was.get(row.contact_name) !== row.is_manager,
  );
  const reordered = after.some((row, i) => before[i]?.contact_name !== row.contact_name);
  if (added.length === 0 && removed.length === 0 && manager_changed.length === 0 && !reordered)
    return undefined;
  return { contacts: after, added, removed, manager_changed };
}
