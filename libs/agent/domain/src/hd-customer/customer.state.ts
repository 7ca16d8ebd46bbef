/** One row of HD Customer's `contacts` (HD Customer Member). */
export interface CustomerMember {
  contact_name: string;
  is_manager: boolean;
}

export const CUSTOMER_TYPES = ['Company', 'Individual', 'Partnership'] as const;
export type CustomerType = (typeof CUSTOMER_TYPES)[number];

/** The fields of an HD Customer a save may change besides its members and primary contact. */
export interface CustomerDetails {
  customer_type: CustomerType;
  domain: string | null;
  image: string | null;
  country: string | null;
}

export interface CustomerRecord extends CustomerDetails {
  name: string;
  customer_name: string;
  contacts: CustomerMember[];
  primary_contact: string | null;
  /** Fetched from the primary contact when the customer is saved. */
  email_id: string | null;
  mobile_no: string | null;
  creation: string;
  modified: string;
  modified_by: string;
  owner: string;
}

export type CustomerState = { kind: 'absent' } | { kind: 'present'; customer: CustomerRecord };

export const NO_CUSTOMER: CustomerState = { kind: 'absent' };

export function customerStreamId(name: string): string {
  return `hd-customer-${name}`;
}
