import { fullName } from './full-name.js';
import type { UserEvent } from './user.events.js';
import type { UserRecord, UserState } from './user.state.js';

export function evolveUser(state: UserState, event: UserEvent): UserState {
  if (event.type === 'UserRegistered') {
    const { at, by, ...registered } = event.data;
    return {
      kind: 'present',
      user: {
        ...registered,
        full_name: fullName(registered.first_name, registered.last_name),
        enabled: true,
        time_zone: null,
        api_key: null,
        api_secret_hash: null,
        password_hash: null,
        password_set_at: null,
        creation: at,
        modified: at,
        modified_by: by,
        owner: by,
      },
    };
  }
  if (state.kind === 'absent') return state;
  const touched = { modified: event.data.at, modified_by: event.data.by };
  return { kind: 'present', user: { ...apply(state.user, event), ...touched } };
}

function apply(user: UserRecord, event: Exclude<UserEvent, { type: 'UserRegistered' }>) {
  switch (event.type) {
    case 'UserProfileEdited': {
      const next = { ...user, ...event.data.changes };
      return { ...next, full_name: event.data.full_name ?? next.full_name };
    }
    case 'UserEnabled':
      return { ...user, enabled: true };
    case 'UserDisabled':
      return { ...user, enabled: false };
    case 'UserRolesChanged':
      return { ...user, roles: event.data.roles };
    case 'UserApiKeysIssued':
      return { ...user, api_key: event.data.api_key, api_secret_hash: event.data.api_secret_hash };
    case 'UserPasswordSet':
      return { ...user, password_hash: event.data.password_hash, password_set_at: event.data.at };
  }
}
