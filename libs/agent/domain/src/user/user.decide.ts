import { stamp, type CommandContext } from '../command-context.js';
import { PeopleRuleViolation } from '../agent-rule-violation.js';
import { ADMINISTRATOR, grantableRoles, isRole, isSystemManager, type Role } from '../roles.js';
import { fullName, localPart, userNameOf } from './full-name.js';
import type {
  ChangeUserRoles,
  EditUserProfile,
  IssueApiKeys,
  RegisterUser,
  SetUserPassword,
  UserCommand,
} from './user.commands.js';
import type { UserEvent, UserProfileEdited } from './user.events.js';
import type { UserRecord, UserState } from './user.state.js';

const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]+$/;
const DESK_ROLES: readonly Role[] = ['Administrator', 'System Manager', 'Agent Manager', 'Agent'];

export function decideUser(command: UserCommand, state: UserState): UserEvent[] {
  switch (command.type) {
    case 'RegisterUser':
      return register(command, state);
    case 'RegisterAdministrator':
      return state.kind === 'present' ? [] : [administrator(command.context)];
    case 'EditUserProfile':
      return edit(command, existing(state));
    case 'ChangeUserRoles':
      return changeRoles(command, existing(state));
    case 'IssueApiKeys':
      return issueKeys(command, existing(state));
    case 'SetUserPassword':
      return setPassword(command, existing(state));
  }
}

function existing(state: UserState): UserRecord {
  if (state.kind === 'absent') throw new PeopleRuleViolation('not-found', 'User not found');
  return state.user;
}

export function isValidEmail(value: string): boolean {
  return value.length <= 140 && EMAIL.test(value);
}

function checkedRoles(roles: readonly string[]): Role[] {
  const unknown = roles.filter((role) => !isRole(role));
  if (unknown.length > 0)
    throw new PeopleRuleViolation('link', `Could not find Role: ${unknown.join(', ')}`);
  return [...new Set(roles as Role[])];
}

function checkGrantable(roles: readonly Role[], context: CommandContext): void {
  const allowed = grantableRoles(context);
  const refused = roles.filter((role) => !allowed.includes(role));
  if (refused.length > 0)
    throw new PeopleRuleViolation('permission', `Not allowed to grant the role ${refused[0]}`);
}

function register(command: RegisterUser, state: UserState): UserEvent[] {
  const email = userNameOf(command.email);
  if (email === '')
    throw new PeopleRuleViolation('mandatory', 'Error: Value missing for User: email');
  if (!isValidEmail(email))
    throw new PeopleRuleViolation('invalid', `${command.email} is not a valid Email Address`);
  if (state.kind === 'present')
    throw new PeopleRuleViolation('duplicate', `User ${email} already exists`);
  const roles = checkedRoles(command.roles);
  checkGrantable(roles, command.context);
  const first = command.first_name?.trim() || localPart(command.email.trim());
  return [
    {
      type: 'UserRegistered',
      data: {
        ...stamp(command.context),
        name: email,
        email,
        first_name: first,
        last_name: command.last_name?.trim() || null,
        user_type: roles.some((role) => DESK_ROLES.includes(role)) ? 'System User' : 'Website User',
        roles,
        user_image: command.user_image ?? null,
      },
    },
  ];
}

function administrator(context: CommandContext): UserEvent {
  return {
    type: 'UserRegistered',
    data: {
      ...stamp(context),
      name: ADMINISTRATOR,
      email: 'admin@example.com',
      first_name: ADMINISTRATOR,
      last_name: null,
      user_type: 'System User',
      roles: ['Administrator', 'System Manager', 'Agent Manager', 'Agent'],
      user_image: null,
    },
  };
}

function checkSelfOrSystemManager(user: UserRecord, context: CommandContext): void {
  if (context.actor !== user.name && !isSystemManager(context))
    throw new PeopleRuleViolation('permission', 'Insufficient Permission for User');
}

function edit({ changes, context }: EditUserProfile, user: UserRecord): UserEvent[] {
  checkSelfOrSystemManager(user, context);
  const events: UserEvent[] = [];
  const edited: UserProfileEdited['data']['changes'] = {};
  if (changes.first_name !== undefined) {
    const first = changes.first_name.trim();
    if (first === '')
      throw new PeopleRuleViolation('mandatory', 'Error: Value missing for User: first_name');
    if (first !== user.first_name) edited.first_name = first;
  }
  for (const field of ['last_name', 'user_image', 'time_zone'] as const) {
    const value = changes[field];
    if (value !== undefined && value !== user[field]) edited[field] = value;
  }
  if (Object.keys(edited).length > 0) {
    const renamed = 'first_name' in edited || 'last_name' in edited;
    const last = 'last_name' in edited ? (edited.last_name ?? null) : user.last_name;
    const name = renamed ? { full_name: fullName(edited.first_name ?? user.first_name, last) } : {};
    events.push({
      type: 'UserProfileEdited',
      data: { ...stamp(context), changes: edited, ...name },
    });
  }
  if (changes.enabled !== undefined && changes.enabled !== user.enabled) {
    if (user.name === ADMINISTRATOR || user.name === context.actor)
      throw new PeopleRuleViolation('invalid', 'You cannot disable yourself or Administrator');
    if (!isSystemManager(context))
      throw new PeopleRuleViolation('permission', 'Only a System Manager can disable users');
    events.push({ type: changes.enabled ? 'UserEnabled' : 'UserDisabled', data: stamp(context) });
  }
  return events;
}

function changeRoles({ add, remove, context }: ChangeUserRoles, user: UserRecord): UserEvent[] {
  if (user.name === ADMINISTRATOR)
    throw new PeopleRuleViolation('invalid', "Administrator's roles cannot be changed");
  if (user.name === context.actor && !isSystemManager(context))
    throw new PeopleRuleViolation('permission', 'You cannot change your own roles');
  const adding = checkedRoles(add).filter((role) => !user.roles.includes(role));
  const removing = checkedRoles(remove).filter(
    (role) => user.roles.includes(role) && !adding.includes(role),
  );
  checkGrantable([...adding, ...removing], context);
  if (adding.length === 0 && removing.length === 0) return [];
  const roles = [...user.roles.filter((role) => !removing.includes(role)), ...adding];
  return [
    {
      type: 'UserRolesChanged',
      data: { ...stamp(context), roles, added: adding, removed: removing },
    },
  ];
}

function issueKeys(command: IssueApiKeys, user: UserRecord): UserEvent[] {
  const invitation = command.acceptedInvitation;
  const invited =
    invitation?.status === 'Accepted' && invitation.user === user.name && user.api_key === null;
  if (!isSystemManager(command.context) && !invited)
    throw new PeopleRuleViolation('permission', 'Not permitted');
  if (!user.enabled) throw new PeopleRuleViolation('invalid', `User ${user.name} is disabled`);
  return [
    {
      type: 'UserApiKeysIssued',
      data: {
        ...stamp(command.context),
        api_key: command.api_key,
        api_secret_hash: command.api_secret_hash,
      },
    },
  ];
}

function setPassword(command: SetUserPassword, user: UserRecord): UserEvent[] {
  const { context } = command;
  const own = context.actor === user.name;
  if (user.name === ADMINISTRATOR ? !own : !own && !isSystemManager(context))
    throw new PeopleRuleViolation('permission', 'Not permitted');
  if (!user.enabled) throw new PeopleRuleViolation('invalid', `User ${user.name} is disabled`);
  return [
    {
      type: 'UserPasswordSet',
      data: { ...stamp(context), password_hash: command.password_hash },
    },
  ];
}
