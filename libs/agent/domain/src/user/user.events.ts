import type { Stamp } from '../command-context.js';
import type { Role } from '../roles.js';

export interface UserRegistered {
  type: 'UserRegistered';
  data: Stamp & {
    name: string;
    email: string;
    first_name: string;
    last_name: string | null;
    user_type: 'System User' | 'Website User';
    roles: Role[];
    user_image: string | null;
  };
}

export interface UserProfileEdited {
  type: 'UserProfileEdited';
  data: Stamp & {
    changes: Partial<Pick<UserProfile, 'first_name' | 'last_name' | 'user_image' | 'time_zone'>>;
    /** The full name after the edit, when the first or last name changed. */
    full_name?: string;
  };
}

export interface UserProfile {
  first_name: string;
  last_name: string | null;
  user_image: string | null;
  time_zone: string | null;
}

export interface UserEnabled {
  type: 'UserEnabled';
  data: Stamp;
}

export interface UserDisabled {
  type: 'UserDisabled';
  data: Stamp;
}

export interface UserRolesChanged {
  type: 'UserRolesChanged';
  data: Stamp & { roles: Role[]; added: Role[]; removed: Role[] };
}

/** Private to agent-service: only the slow hash of the secret is ever recorded. */
export interface UserApiKeysIssued {
  type: 'UserApiKeysIssued';
  data: Stamp & { api_key: string; api_secret_hash: string };
}

/**
 * Private to agent-service: only the slow hash of the password is recorded. Sessions opened
 * before it end (the gateway compares their start with `at`).
 */
export interface UserPasswordSet {
  type: 'UserPasswordSet';
  data: Stamp & { password_hash: string };
}

export type UserEvent =
  | UserRegistered
  | UserProfileEdited
  | UserEnabled
  | UserDisabled
  | UserRolesChanged
  | UserApiKeysIssued
  | UserPasswordSet;
