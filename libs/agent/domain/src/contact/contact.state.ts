/** One row of Contact's `email_ids` (Contact Email). */
export interface ContactEmail {
  email_id: string;
  is_primary: boolean;
}

/** One row of Contact's `phone_nos` (Contact Phone). */
export interface ContactPhone {
  phone: string;
  is_primary_phone: boolean;
  is_primary_mobile_no: boolean;
}

/** What a Contact says about a person; `full_name`, `email_id`, `phone` and `mobile_no` follow. */
export interface ContactDetails {
  first_name: string | null;
  last_name: string | null;
  company_name: string | null;
  image: string | null;
  email_ids: ContactEmail[];
  phone_nos: ContactPhone[];
  full_name: string;
  /** The primary email row's address (Frappe's `set_primary_email`). */
  email_id: string | null;
  phone: string | null;
  mobile_no: string | null;
}

export interface ContactRecord extends ContactDetails {
  name: string;
  /** The User this contact is, when it has one. */
  user: string | null;
  creation: string;
  modified: string;
  modified_by: string;
  owner: string;
}

export type ContactState = { kind: 'absent' } | { kind: 'present'; contact: ContactRecord };

export const NO_CONTACT: ContactState = { kind: 'absent' };

export function contactStreamId(name: string): string {
  return `contact-${name}`;
}
