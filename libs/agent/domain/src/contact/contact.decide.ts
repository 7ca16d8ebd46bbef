import { stamp, type CommandContext } from '../command-context.js';
import { PeopleRuleViolation } from '../agent-rule-violation.js';
import { isAgentActor } from '../roles.js';
import { userNameOf } from '../user/full-name.js';
import { isValidEmail } from '../user/user.decide.js';
import { contactFullName } from './contact-name.js';
import type {
  ContactCommand,
  ContactContext,
  ContactInput,
  CreateContact,
} from './contact.commands.js';
import type { ContactEvent } from './contact.events.js';
import type {
  ContactDetails,
  ContactEmail,
  ContactPhone,
  ContactRecord,
  ContactState,
} from './contact.state.js';

export function decideContact(command: ContactCommand, state: ContactState): ContactEvent[] {
  switch (command.type) {
    case 'CreateContact':
      return create(command, state);
    case 'EditContact': {
      const contact = existing(state);
      checkAgent(command.context);
      const details = detailsOf({ ...contact, ...command.changes });
      return sameDetails(contact, details)
        ? []
        : [{ type: 'ContactDetailsChanged', data: { ...stamp(command.context), ...details } }];
    }
    case 'LinkContactUser': {
      const contact = existing(state);
      const user = checkedUser(command.user, command.context);
      if (contact.user === user) return [];
      return [{ type: 'ContactUserLinked', data: { ...stamp(command.context), user } }];
    }
    case 'RemoveContact':
      existing(state);
      checkAgent(command.context);
      return [
        {
          type: 'ContactRemoved',
          data: {
            ...stamp(command.context),
            ...(command.deleteTickets ? { delete_tickets: true } : {}),
          },
        },
      ];
  }
}

function existing(state: ContactState): ContactRecord {
  if (state.kind === 'absent') throw new PeopleRuleViolation('not-found', 'Contact not found');
  return state.contact;
}

/** Helpdesk's agents keep the contact directory; customers only read their own contact. */
function checkAgent(context: CommandContext): void {
  if (!isAgentActor(context))
    throw new PeopleRuleViolation('permission', 'Insufficient Permission for Contact');
}

function checkedUser(user: string, context: ContactContext): string {
  const name = userNameOf(user);
  if (!context.isUser(name)) throw new PeopleRuleViolation('link', `Could not find User: ${user}`);
  return name;
}

function create(command: CreateContact, state: ContactState): ContactEvent[] {
  checkAgent(command.context);
  if (state.kind === 'present')
    throw new PeopleRuleViolation('duplicate', `Contact ${command.name} already exists`);
  const details = detailsOf(command.details);
  if (command.name.trim() === '')
    throw new PeopleRuleViolation('mandatory', 'Error: Value missing for Contact: first_name');
  const user = command.user ? checkedUser(command.user, command.context) : null;
  const name = command.name.trim();
  return [{ type: 'ContactCreated', data: { ...stamp(command.context), name, ...details, user } }];
}

const blankToNull = (value: string | null | undefined): string | null =>
  value === undefined || value === null || value.trim() === '' ? null : value.trim();

/** The details a save leaves, with Frappe's `set_primary_email` and `set_primary` applied. */
export function detailsOf(input: ContactInput): ContactDetails {
  const email_ids = emails(input.email_ids ?? []);
  const phone_nos = phones(input.phone_nos ?? []);
  const first_name = blankToNull(input.first_name);
  const last_name = blankToNull(input.last_name);
  const company_name = blankToNull(input.company_name);
  return {
    first_name,
    last_name,
    company_name,
    image: blankToNull(input.image),
    email_ids,
    phone_nos,
    full_name: contactFullName(first_name, last_name, company_name),
    email_id: primary(email_ids, 'is_primary', 'Email ID')?.email_id ?? null,
    phone: primary(phone_nos, 'is_primary_phone', 'Phone')?.phone ?? null,
    mobile_no: primary(phone_nos, 'is_primary_mobile_no', 'Mobile No')?.phone ?? null,
  };
}

function emails(rows: readonly ContactEmail[]): ContactEmail[] {
  return rows.map((row) => {
    const email_id = userNameOf(row.email_id ?? '');
    if (!isValidEmail(email_id))
      throw new PeopleRuleViolation(
        'invalid-email',
        `${row.email_id} is not a valid Email Address`,
      );
    return { email_id, is_primary: row.is_primary };
  });
}

function phones(rows: readonly ContactPhone[]): ContactPhone[] {
  return rows.map((row, index) => {
    const phone = row.phone?.trim() ?? '';
    if (phone === '')
      throw new PeopleRuleViolation(
        'mandatory',
        `Error: Value missing for Contact Phone, row ${index + 1}: phone`,
      );
    return { ...row, phone };
  });
}

function primary<T, K extends keyof T>(rows: readonly T[], flag: K, label: string): T | undefined {
  const marked = rows.filter((row) => row[flag]);
  if (marked.length > 1)
    throw new PeopleRuleViolation('invalid', `Only one ${label} can be set as primary.`);
  return marked[0];
}

function sameDetails(contact: ContactRecord, details: ContactDetails): boolean {
  return (Object.keys(details) as (keyof ContactDetails)[]).every(
    (key) => JSON.stringify(contact[key]) === JSON.stringify(details[key]),
  );
}
