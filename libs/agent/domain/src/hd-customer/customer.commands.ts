import type { CommandContext } from '../command-context.js';
import type { CustomerMember } from './customer.state.js';

/** What deciding about a customer reads besides its stream, on the command's transaction. */
export interface CustomerContext extends CommandContext {
  /** The Contact's address and mobile number, or undefined when there is no such Contact. */
  contactDetails: (
    name: string,
  ) => { email_id: string | null; mobile_no: string | null } | undefined;
  /** The actor is a manager member of this customer (HD Customer Manager writes their own). */
  managesCustomer: boolean;
}

export interface CustomerInput {
  customer_type?: string | null;
  domain?: string | null;
  image?: string | null;
  country?: string | null;
  contacts?: readonly CustomerMember[];
  primary_contact?: string | null;
}

export interface CreateCustomer {
  type: 'CreateCustomer';
  customer_name: string;
  fields: CustomerInput;
  context: CustomerContext;
}

export interface EditCustomer {
  type: 'EditCustomer';
  changes: CustomerInput;
  context: CustomerContext;
}

/** `add_contacts`: members not yet listed are appended; listed ones are left as they are. */
export interface AddCustomerMembers {
  type: 'AddCustomerMembers';
  members: readonly CustomerMember[];
  context: CustomerContext;
}

/** A deleted contact leaves every customer; a primary contact leaves the primary slot too. */
export interface RemoveCustomerMember {
  type: 'RemoveCustomerMember';
  contact_name: string;
  context: CustomerContext;
}

export interface RemoveCustomer {
  type: 'RemoveCustomer';
  /** `delete_customer(delete_tickets=1)`: the customer's tickets go with it instead of being unlinked. */
  deleteTickets?: boolean;
  context: CustomerContext;
}

export type CustomerCommand =
  CreateCustomer | EditCustomer | AddCustomerMembers | RemoveCustomerMember | RemoveCustomer;
