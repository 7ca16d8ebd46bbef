/**
 * Public people events, version 1 (documented in docs/asyncapi/people-events.v1.yaml): users,
 * HD Agents, HD Teams, HD Agent Statuses, contacts, customers, invitations and agents' HD Field
 * Layouts as agent-service records them. Other services build what they need from
 * these instead of reading agent-service's tables. API keys and secrets never appear here; that a
 * pair was issued does, so every document's `version`s follow each other without gaps.
 */
export const PEOPLE_EVENTS_STREAM = 'HELPDESK_PEOPLE';
export const PEOPLE_EVENTS_SUBJECT_PREFIX = 'helpdesk.people.v1';

export type PeopleDoctypeV1 =
  | 'User'
  | 'HD Agent'
  | 'HD Team'
  | 'Contact'
  | 'HD Customer'
  | 'User Invitation'
  | 'HD Agent Status'
  | 'HD Field Layout';

interface PeopleEventEnvelopeV1<T extends string, Doctype extends PeopleDoctypeV1, D> {
  /** Unique event id; also the JetStream `Nats-Msg-Id`. Consumers deduplicate on it. */
  id: string;
  type: `helpdesk.people.v1.${T}`;
  doctype: Doctype;
  /**
   * The document's `name`: a user id for User and HD Agent, the team name for HD Team, the
   * contact's and customer's names, an invitation's generated name.
   */
  name: string;
  /** Position of this event in the document's own stream (1, 2, …). */
  version: number;
  occurredAt: string;
  actor: string | null;
  correlationId: string | null;
  data: D;
}

export type UserRegisteredV1 = PeopleEventEnvelopeV1<
  'user-registered',
  'User',
  {
    email: string;
    first_name: string;
    last_name: string | null;
    full_name: string;
    user_type: string;
    roles: string[];
    user_image: string | null;
    enabled: boolean;
  }
>;
export type UserProfileChangedV1 = PeopleEventEnvelopeV1<
  'user-profile-changed',
  'User',
  {
    first_name?: string;
    last_name?: string | null;
    full_name?: string;
    user_image?: string | null;
    time_zone?: string | null;
  }
>;
export type UserEnabledChangedV1 = PeopleEventEnvelopeV1<
  'user-enabled' | 'user-disabled',
  'User',
  Record<string, never>
>;
/** A new API key pair was issued to the user; neither the key nor the secret is published. */
export type UserApiKeysIssuedV1 = PeopleEventEnvelopeV1<
  'user-api-keys-issued',
  'User',
  Record<string, never>
>;
/** The user's password was set; their earlier login sessions are over. Nothing else is published. */
export type UserPasswordChangedV1 = PeopleEventEnvelopeV1<
  'user-password-changed',
  'User',
  Record<string, never>
>;
export type UserRolesChangedV1 = PeopleEventEnvelopeV1<
  'user-roles-changed',
  'User',
  { roles: string[]; added: string[]; removed: string[] }
>;

export type AgentEnrolledV1 = PeopleEventEnvelopeV1<
  'agent-enrolled',
  'HD Agent',
  {
    agent_name: string;
    user_image: string | null;
    is_active: boolean;
    availability: string | null;
    availability_changed_on: string | null;
  }
>;
export type AgentProfileChangedV1 = PeopleEventEnvelopeV1<
  'agent-profile-changed',
  'HD Agent',
  { agent_name?: string; user_image?: string | null }
>;
export type AgentActivationChangedV1 = PeopleEventEnvelopeV1<
  'agent-activated' | 'agent-deactivated' | 'agent-removed',
  'HD Agent',
  Record<string, never>
>;
export type AgentAvailabilityChangedV1 = PeopleEventEnvelopeV1<
  'agent-availability-changed',
  'HD Agent',
  { availability: string; category: string; availability_changed_on: string }
>;

export type TeamCreatedV1 = PeopleEventEnvelopeV1<
  'team-created',
  'HD Team',
  { users: string[]; ignore_restrictions: boolean; disabled: boolean }
>;
export type TeamMembersChangedV1 = PeopleEventEnvelopeV1<
  'team-members-changed',
  'HD Team',
  { users: string[]; added: string[]; removed: string[] }
>;
export type TeamRestrictionsChangedV1 = PeopleEventEnvelopeV1<
  'team-restrictions-changed',
  'HD Team',
  { ignore_restrictions: boolean }
>;
export type TeamStateChangedV1 = PeopleEventEnvelopeV1<
  'team-disabled' | 'team-enabled' | 'team-removed',
  'HD Team',
  Record<string, never>
>;
export type TeamAssignmentRuleLinkedV1 = PeopleEventEnvelopeV1<
  'team-assignment-rule-linked',
  'HD Team',
  { assignment_rule: string }
>;

/** A Contact's details, whole, after the change. */
export interface ContactDetailsV1 {
  first_name: string | null;
  last_name: string | null;
  full_name: string;
  company_name: string | null;
  image: string | null;
  /** The primary address. */
  email_id: string | null;
  phone: string | null;
  mobile_no: string | null;
  email_ids: { email_id: string; is_primary: boolean }[];
  phone_nos: { phone: string; is_primary_phone: boolean; is_primary_mobile_no: boolean }[];
}

export type ContactCreatedV1 = PeopleEventEnvelopeV1<
  'contact-created',
  'Contact',
  ContactDetailsV1 & { user: string | null }
>;
export type ContactChangedV1 = PeopleEventEnvelopeV1<
  'contact-changed',
  'Contact',
  ContactDetailsV1
>;
export type ContactUserLinkedV1 = PeopleEventEnvelopeV1<
  'contact-user-linked',
  'Contact',
  { user: string }
>;
export type ContactRemovedV1 = PeopleEventEnvelopeV1<
  'contact-removed',
  'Contact',
  /** Present (true) when the contact's tickets are deleted with it; otherwise they are unlinked. */
  { delete_tickets?: true }
>;

export interface CustomerMemberV1 {
  contact_name: string;
  is_manager: boolean;
}

export interface CustomerPrimaryContactV1 {
  primary_contact: string | null;
  /** Fetched from the primary contact. */
  email_id: string | null;
  mobile_no: string | null;
}

export type CustomerCreatedV1 = PeopleEventEnvelopeV1<
  'customer-created',
  'HD Customer',
  CustomerPrimaryContactV1 & {
    customer_name: string;
    customer_type: string;
    domain: string | null;
    image: string | null;
    country: string | null;
    contacts: CustomerMemberV1[];
  }
>;
export type CustomerChangedV1 = PeopleEventEnvelopeV1<
  'customer-changed',
  'HD Customer',
  { customer_type?: string; domain?: string | null; image?: string | null; country?: string | null }
>;
/** The members after the change, who joined, who left and whose manager flag flipped. */
export type CustomerContactsChangedV1 = PeopleEventEnvelopeV1<
  'customer-contacts-changed',
  'HD Customer',
  {
    contacts: CustomerMemberV1[];
    added: CustomerMemberV1[];
    removed: string[];
    manager_changed: CustomerMemberV1[];
  }
>;
export type CustomerPrimaryContactChangedV1 = PeopleEventEnvelopeV1<
  'customer-primary-contact-changed',
  'HD Customer',
  CustomerPrimaryContactV1
>;
export type CustomerRemovedV1 = PeopleEventEnvelopeV1<
  'customer-removed',
  'HD Customer',
  /** Present (true) when the customer's tickets are deleted with it; otherwise they are unlinked. */
  { delete_tickets?: true }
>;

/**
 * An invitation to be mailed. The key is not here (nor its hash): the link waits in
 * agent-service's mail queue, so only the mailer and the invitee ever see it.
 */
export type InvitationSentV1 = PeopleEventEnvelopeV1<
  'invitation-sent',
  'User Invitation',
  {
    email: string;
    roles: string[];
    app_name: string;
    redirect_to_path: string;
    contact: string | null;
    customer: string | null;
    invited_by: string;
    expires_at: string;
  }
>;
/** A new link was queued; the old one stopped working. */
export type InvitationResentV1 = PeopleEventEnvelopeV1<
  'invitation-resent',
  'User Invitation',
  { expires_at: string }
>;
export type InvitationAcceptedV1 = PeopleEventEnvelopeV1<
  'invitation-accepted',
  'User Invitation',
  { user: string }
>;
export type InvitationCancelledV1 = PeopleEventEnvelopeV1<
  'invitation-cancelled',
  'User Invitation',
  Record<string, never>
>;

/** An HD Agent Status' fields; its `name` (the envelope's) is its `agent_status`. */
export interface AgentStatusFieldsV1 {
  /** `Active`, `Away` or `Unavailable`: how assignment treats agents in this status. */
  category: 'Active' | 'Away' | 'Unavailable';
  color: string | null;
  status_order: number;
  enable: boolean;
}

export type AgentStatusCreatedV1 = PeopleEventEnvelopeV1<
  'agent-status-created',
  'HD Agent Status',
  AgentStatusFieldsV1
>;
/** Only the fields that changed, with their new values. */
export type AgentStatusChangedV1 = PeopleEventEnvelopeV1<
  'agent-status-changed',
  'HD Agent Status',
  Partial<AgentStatusFieldsV1>
>;
/** No HD Agent was in the status when it was deleted. */
export type AgentStatusRemovedV1 = PeopleEventEnvelopeV1<
  'agent-status-removed',
  'HD Agent Status',
  Record<string, never>
>;

/** An HD Field Layout's fields; its `name` (the envelope's) is a random hash. */
export interface FieldLayoutFieldsV1 {
  /** The DocType a system layout is for; null on a personal one. */
  document_type: string | null;
  /** Whose layout it is; null on a system layout. */
  user: string | null;
  type: 'Landing Page';
  /** A layout for everyone rather than one user's. */
  apply_to_system: boolean;
  /** JSON text: a list of `{chart, layout: {x, y, w, h, …}}`. */
  layout: string;
}

export type FieldLayoutCreatedV1 = PeopleEventEnvelopeV1<
  'field-layout-created',
  'HD Field Layout',
  FieldLayoutFieldsV1
>;
/** Only the fields that changed, with their new values. */
export type FieldLayoutChangedV1 = PeopleEventEnvelopeV1<
  'field-layout-changed',
  'HD Field Layout',
  Partial<FieldLayoutFieldsV1>
>;
export type FieldLayoutRemovedV1 = PeopleEventEnvelopeV1<
  'field-layout-removed',
  'HD Field Layout',
  Record<string, never>
>;

export type PeopleEventV1 =
  | UserRegisteredV1
  | UserProfileChangedV1
  | UserEnabledChangedV1
  | UserRolesChangedV1
  | UserApiKeysIssuedV1
  | UserPasswordChangedV1
  | AgentEnrolledV1
  | AgentProfileChangedV1
  | AgentActivationChangedV1
  | AgentAvailabilityChangedV1
  | TeamCreatedV1
  | TeamMembersChangedV1
  | TeamRestrictionsChangedV1
  | TeamStateChangedV1
  | TeamAssignmentRuleLinkedV1
  | ContactCreatedV1
  | ContactChangedV1
  | ContactUserLinkedV1
  | ContactRemovedV1
  | CustomerCreatedV1
  | CustomerChangedV1
  | CustomerContactsChangedV1
  | CustomerPrimaryContactChangedV1
  | CustomerRemovedV1
  | InvitationSentV1
  | InvitationResentV1
  | InvitationAcceptedV1
  | InvitationCancelledV1
  | AgentStatusCreatedV1
  | AgentStatusChangedV1
  | AgentStatusRemovedV1
  | FieldLayoutCreatedV1
  | FieldLayoutChangedV1
  | FieldLayoutRemovedV1;
