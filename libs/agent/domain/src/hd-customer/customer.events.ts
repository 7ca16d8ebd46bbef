import type { Stamp } from '../command-context.js';
import type { CustomerDetails, CustomerMember } from './customer.state.js';

export interface PrimaryContact {
  primary_contact: string | null;
  email_id: string | null;
  mobile_no: string | null;
}

export interface CustomerCreated {
  type: 'CustomerCreated';
  data: Stamp &
    CustomerDetails &
    PrimaryContact & { customer_name: string; contacts: CustomerMember[] };
}

export interface CustomerDetailsChanged {
  type: 'CustomerDetailsChanged';
  data: Stamp & { changes: Partial<CustomerDetails> };
}

/**
 * The members after the change, with who joined, who left and whose manager flag flipped: the
 * flag decides the roles of the contact's user.
 */
export interface CustomerContactsChanged {
  type: 'CustomerContactsChanged';
  data: Stamp & {
    contacts: CustomerMember[];
    added: CustomerMember[];
    removed: string[];
    manager_changed: CustomerMember[];
  };
}

export interface CustomerPrimaryContactChanged {
  type: 'CustomerPrimaryContactChanged';
  data: Stamp & PrimaryContact;
}

export interface CustomerRemoved {
  type: 'CustomerRemoved';
  /** `delete_tickets`: its tickets are deleted rather than unlinked (present only when true). */
  data: Stamp & { delete_tickets?: true };
}

export type CustomerEvent =
  | CustomerCreated
  | CustomerDetailsChanged
  | CustomerContactsChanged
  | CustomerPrimaryContactChanged
  | CustomerRemoved;
