import type { CommandContext } from '../command-context.js';
import type { InvitationRecord } from '../user-invitation/invitation.state.js';
import type { UserProfile } from './user.events.js';

export interface RegisterUser {
  type: 'RegisterUser';
  email: string;
  first_name?: string | null;
  last_name?: string | null;
  roles: readonly string[];
  user_image?: string | null;
  context: CommandContext;
}

export interface EditUserProfile {
  type: 'EditUserProfile';
  changes: Partial<UserProfile> & { enabled?: boolean };
  context: CommandContext;
}

export interface ChangeUserRoles {
  type: 'ChangeUserRoles';
  add: readonly string[];
  remove: readonly string[];
  context: CommandContext;
}

/**
 * The key and the hash are made outside, so deciding stays pure. A System Manager issues keys to
 * anyone; an accepted invitation gives its invitee a first pair, which is how they sign in.
 */
export interface IssueApiKeys {
  type: 'IssueApiKeys';
  api_key: string;
  api_secret_hash: string;
  acceptedInvitation?: InvitationRecord;
  context: CommandContext;
}

/**
 * The hash is made outside, so deciding stays pure. Users set their own password; a System
 * Manager sets anyone's but Administrator's, which only Administrator (or the site's start) sets.
 */
export interface SetUserPassword {
  type: 'SetUserPassword';
  password_hash: string;
  context: CommandContext;
}

/** Every site has an Administrator from its first start; registering it again changes nothing. */
export interface RegisterAdministrator {
  type: 'RegisterAdministrator';
  context: CommandContext;
}

export type UserCommand =
  | RegisterUser
  | RegisterAdministrator
  | EditUserProfile
  | ChangeUserRoles
  | IssueApiKeys
  | SetUserPassword;
