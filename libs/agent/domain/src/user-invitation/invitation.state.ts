import type { Role } from '../roles.js';

/** What is recorded; `Expired` is not: a pending invitation past `expires_at` reads as expired. */
export type RecordedInvitationStatus = 'Pending' | 'Accepted' | 'Cancelled';
export type InvitationStatus = RecordedInvitationStatus | 'Expired';

/** Frappe's User Invitation, plus Helpdesk's `contact` and `customer` fields. */
export interface InvitationRecord {
  name: string;
  email: string;
  roles: Role[];
  app_name: string;
  redirect_to_path: string;
  status: RecordedInvitationStatus;
  invited_by: string;
  /** SHA-256 of the single-use key; cleared once accepted or cancelled. */
  key_hash: string | null;
  expires_at: string;
  email_sent_at: string;
  accepted_at: string | null;
  user: string | null;
  contact: string | null;
  customer: string | null;
  creation: string;
  modified: string;
  modified_by: string;
  owner: string;
}

export type InvitationState =
  { kind: 'absent' } | { kind: 'present'; invitation: InvitationRecord };

export const NO_INVITATION: InvitationState = { kind: 'absent' };

/** Frappe's `INVITATION_EXPIRY_DAYS`. */
export const INVITATION_EXPIRY_DAYS = 3;

export function invitationStreamId(name: string): string {
  return `invitation-${name}`;
}

export function invitationStatus(invitation: InvitationRecord, now: string): InvitationStatus {
  return invitation.status === 'Pending' && Date.parse(invitation.expires_at) <= Date.parse(now)
    ? 'Expired'
    : invitation.status;
}
