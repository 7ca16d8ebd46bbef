import type { Stamp } from '../command-context.js';
import type { ContactDetails } from './contact.state.js';

export interface ContactCreated {
  type: 'ContactCreated';
  data: Stamp & ContactDetails & { name: string; user: string | null };
}

/** The contact's details after the change, whole: consumers need no earlier state. */
export interface ContactDetailsChanged {
  type: 'ContactDetailsChanged';
  data: Stamp & ContactDetails;
}

export interface ContactUserLinked {
  type: 'ContactUserLinked';
  data: Stamp & { user: string };
}

export interface ContactRemoved {
  type: 'ContactRemoved';
  /** `delete_tickets`: its tickets are deleted rather than unlinked (present only when true). */
  data: Stamp & { delete_tickets?: true };
}

export type ContactEvent =
  ContactCreated | ContactDetailsChanged | ContactUserLinked | ContactRemoved;
