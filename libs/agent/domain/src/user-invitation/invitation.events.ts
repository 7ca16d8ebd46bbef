import type { Stamp } from '../command-context.js';
import type { Role } from '../roles.js';

/** The inviter is the stamp's `by`; the key itself is never recorded, only its hash. */
export interface InvitationSent {
  type: 'InvitationSent';
  data: Stamp & {
    name: string;
    email: string;
    roles: Role[];
    app_name: string;
    redirect_to_path: string;
    contact: string | null;
    customer: string | null;
    key_hash: string;
    expires_at: string;
  };
}

/** A new key replaces the old one, which stops working. */
export interface InvitationResent {
  type: 'InvitationResent';
  data: Stamp & { key_hash: string; expires_at: string };
}

export interface InvitationAccepted {
  type: 'InvitationAccepted';
  data: Stamp & { user: string };
}

export interface InvitationCancelled {
  type: 'InvitationCancelled';
  data: Stamp;
}

export type InvitationEvent =
  InvitationSent | InvitationResent | InvitationAccepted | InvitationCancelled;
