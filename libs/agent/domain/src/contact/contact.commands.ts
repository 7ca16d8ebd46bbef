import type { CommandContext } from '../command-context.js';
import type { ContactEmail, ContactPhone } from './contact.state.js';

/** The fields a client sets on a Contact; child tables are replaced as a whole when given. */
export interface ContactInput {
  first_name?: string | null;
  last_name?: string | null;
  company_name?: string | null;
  image?: string | null;
  email_ids?: readonly ContactEmail[];
  phone_nos?: readonly ContactPhone[];
}

/** A contact's `user` must be an existing User. */
export interface ContactContext extends CommandContext {
  isUser: (name: string) => boolean;
}

/** The name is chosen before deciding (`contactName`), since it names the stream. */
export interface CreateContact {
  type: 'CreateContact';
  name: string;
  details: ContactInput;
  user?: string | null;
  context: ContactContext;
}

export interface EditContact {
  type: 'EditContact';
  changes: ContactInput;
  context: ContactContext;
}

/** Frappe's `Contact.set_user`: the contact becomes the user with its address. */
export interface LinkContactUser {
  type: 'LinkContactUser';
  user: string;
  context: ContactContext;
}

export interface RemoveContact {
  type: 'RemoveContact';
  /** `delete_contact(delete_tickets=1)`: the contact's tickets go with it instead of being unlinked. */
  deleteTickets?: boolean;
  context: CommandContext;
}

export type ContactCommand = CreateContact | EditContact | LinkContactUser | RemoveContact;
