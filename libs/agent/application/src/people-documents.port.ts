import type { AgentStatus } from '@helpdesk/agent-domain';
import type { Sql } from '@helpdesk/shared-event-store';
import type { FrappeDocument } from '@helpdesk/shared-messaging';

export type PeopleDocType =
  | 'User'
  | 'HD Agent'
  | 'HD Team'
  | 'HD Agent Status'
  | 'Contact'
  | 'HD Customer'
  | 'HD Field Layout';

/** Narrows a read to the rows a viewer may see; absent = everything. */
export interface RowScope {
  /** Only the document with this name (a user reading their own User). */
  onlyName?: string;
  /**
   * Only the documents this user is part of: their own Contact, the HD Customers one of whose
   * members is their Contact (Helpdesk's `get_customers`).
   */
  memberOf?: string;
  /** Only the documents made by this user or made for them (`user`): Frappe's `if_owner` rows. */
  ownedBy?: string;
}

/** Frappe list/count/get over agent-service's read models. */
export interface PeopleDocuments {
  list(
    doctype: PeopleDocType,
    params: Record<string, unknown>,
    scope?: RowScope,
  ): Promise<unknown[]>;
  count(doctype: PeopleDocType, params: Record<string, unknown>, scope?: RowScope): Promise<number>;
  get(doctype: PeopleDocType, name: string, scope?: RowScope): Promise<FrappeDocument | undefined>;
}

/** What deciding needs to read besides the stream itself, on the command's own transaction. */
export interface PeopleLookups {
  knownUsers(sql: Sql, names: readonly string[]): Promise<ReadonlySet<string>>;
  /** Every HD Agent Status, held (shared) until the command commits: none changes meanwhile. */
  agentStatuses(sql: Sql): Promise<AgentStatus[]>;
  /**
   * Every HD Agent Status, held exclusively until the command commits, so changes to the
   * catalogue and agents' moves between statuses take turns.
   */
  agentStatusesForChange(sql: Sql): Promise<AgentStatus[]>;
  /**
   * Holds a user's personal HD Field Layouts of one type until the command commits, then answers
   * their names: two saves that would each make the first such layout take turns.
   */
  personalFieldLayouts(sql: Sql, user: string, type: string): Promise<string[]>;
  /** An HD Agent whose availability is this status, if any. */
  agentInStatus(sql: Sql, status: string): Promise<string | undefined>;
  /** Each existing Contact's address and mobile number, by name. */
  contactDetails(
    sql: Sql,
    names: readonly string[],
  ): Promise<ReadonlyMap<string, { email_id: string | null; mobile_no: string | null }>>;
  /** The HD Customers whose manager members include this user's Contact. */
  managedCustomers(sql: Sql, user: string): Promise<string[]>;
}

/** What the directory's use cases read on their transaction besides streams. */
export interface DirectoryLookups extends PeopleLookups {
  /** Contact names equal to `base` or numbered from it (`base-1`, …). */
  contactNamesLike(sql: Sql, base: string): Promise<ReadonlySet<string>>;
  /** The oldest Contact whose primary address is this one. */
  contactOfEmail(sql: Sql, email: string): Promise<string | undefined>;
  /** The user's own Contact (Contact.user), if any. */
  contactOfUser(sql: Sql, user: string): Promise<string | undefined>;
  /** The HD Customers this Contact is a member of, with their images. */
  customersOfContact(sql: Sql, contact: string): Promise<{ name: string; image: string | null }[]>;
  /** The invitations of an address for an app, newest first. */
  invitationsOf(
    sql: Sql,
    email: string,
    app: string,
  ): Promise<{ name: string; status: string; expires_at: string; contact: string | null }[]>;
  invitationOfKeyHash(sql: Sql, keyHash: string): Promise<string | undefined>;
  /** Pending, unexpired invitations of an app, optionally of one customer, oldest first. */
  pendingInvitations(
    sql: Sql,
    app: string,
    customer?: string,
  ): Promise<
    { name: string; email: string; roles: string[]; invited_by: string; creation: Date }[]
  >;
}

/** A mail for a mailer to send (Frappe's Email Queue); nothing sends it here. */
export interface QueuedMail {
  recipient: string;
  subject: string;
  template: string;
  args: Record<string, unknown>;
  reference_doctype: string;
  reference_name: string;
}

export interface Mailbox {
  enqueue(sql: Sql, mail: QueuedMail): Promise<void>;
  /** Drops the unsent mail of a document and template, e.g. a link that no longer works. */
  dropUnsent(sql: Sql, doctype: string, name: string, template: string): Promise<void>;
}

/** The signed-in user as `helpdesk.api.auth.get_user` and the session need them. */
export interface PersonSummary {
  name: string;
  email: string | null;
  first_name: string | null;
  full_name: string;
  user_type: string;
  enabled: boolean;
  roles: string[];
  user_image: string | null;
  time_zone: string | null;
  agent: { availability: string | null; availability_changed_on: string | null } | null;
  teams: string[];
}

export interface PeopleDirectoryReads {
  person(name: string): Promise<PersonSummary | undefined>;
  enabledUsers(): Promise<PersonSummary[]>;
  teamMembers(team: string): Promise<string[] | undefined>;
}
