import type { Role } from '../roles.js';

export interface UserRecord {
  name: string;
  email: string;
  first_name: string;
  last_name: string | null;
  full_name: string;
  /** "System User" (desk access) for agents, "Website User" for portal customers. */
  user_type: 'System User' | 'Website User';
  enabled: boolean;
  roles: Role[];
  user_image: string | null;
  time_zone: string | null;
  api_key: string | null;
  api_secret_hash: string | null;
  password_hash: string | null;
  /** When the password was last set: sessions that started before it are over. */
  password_set_at: string | null;
  creation: string;
  modified: string;
  modified_by: string;
  owner: string;
}

export type UserState = { kind: 'absent' } | { kind: 'present'; user: UserRecord };

export const NO_USER: UserState = { kind: 'absent' };

export function userStreamId(name: string): string {
  return `user-${name}`;
}
