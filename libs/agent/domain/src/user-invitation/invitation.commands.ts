import type { CommandContext } from '../command-context.js';

/** What sending an invitation must know about the invited address, read outside. */
export interface InvitationContext extends CommandContext {
  /** `enabled` of the User with this address; undefined when there is none. */
  userEnabled: boolean | undefined;
  /** Another invitation of this address and app is still pending. */
  pendingElsewhere: boolean;
  /** An invitation of this address and app was accepted already. */
  acceptedElsewhere: boolean;
}

/** The key is generated outside and only its hash is passed in, so deciding stays pure. */
export interface SendInvitation {
  type: 'SendInvitation';
  name: string;
  email: string;
  roles: readonly string[];
  app_name: string;
  redirect_to_path: string;
  contact: string | null;
  customer: string | null;
  key_hash: string;
  expires_at: string;
  context: InvitationContext;
}

export interface ResendInvitation {
  type: 'ResendInvitation';
  key_hash: string;
  expires_at: string;
  context: CommandContext;
}

/** Whoever holds the key may accept: the key is the credential. */
export interface AcceptInvitation {
  type: 'AcceptInvitation';
  key_hash: string;
  context: CommandContext;
}

export interface CancelInvitation {
  type: 'CancelInvitation';
  context: CommandContext;
}

export type InvitationCommand =
  SendInvitation | ResendInvitation | AcceptInvitation | CancelInvitation;
