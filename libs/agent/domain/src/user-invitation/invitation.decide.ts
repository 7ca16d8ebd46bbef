import { stamp, type CommandContext } from '../command-context.js';
import { PeopleRuleViolation } from '../agent-rule-violation.js';
import { grantableRoles, isAgentManager, isRole, type Role } from '../roles.js';
import { userNameOf } from '../user/full-name.js';
import { isValidEmail } from '../user/user.decide.js';
import type { InvitationCommand, SendInvitation } from './invitation.commands.js';
import type { InvitationEvent } from './invitation.events.js';
import {
  invitationStatus,
  type InvitationRecord,
  type InvitationState,
} from './invitation.state.js';

/** The apps whose invitations this site answers (Frappe's `validate_app_name`). */
export const INVITATION_APPS: readonly string[] = ['helpdesk'];

export function decideInvitation(
  command: InvitationCommand,
  state: InvitationState,
): InvitationEvent[] {
  switch (command.type) {
    case 'SendInvitation':
      return send(command, state);
    case 'ResendInvitation': {
      const invitation = existing(state);
      checkInviter(command.context);
      const status = invitationStatus(invitation, command.context.at);
      if (status !== 'Pending' && status !== 'Expired')
        throw new PeopleRuleViolation('invalid', 'Invitation cannot be resent');
      const { key_hash, expires_at } = command;
      return [
        { type: 'InvitationResent', data: { ...stamp(command.context), key_hash, expires_at } },
      ];
    }
    case 'AcceptInvitation': {
      const invitation = existing(state);
      if (invitation.key_hash === null || invitation.key_hash !== command.key_hash)
        throw new PeopleRuleViolation('invalid', 'Invalid key');
      const refusal = ACCEPT_REFUSALS[invitationStatus(invitation, command.context.at)];
      if (refusal) throw new PeopleRuleViolation('invalid', refusal);
      const data = { ...stamp(command.context), user: invitation.email };
      return [{ type: 'InvitationAccepted', data }];
    }
    case 'CancelInvitation': {
      const invitation = existing(state);
      checkInviter(command.context);
      if (invitation.status === 'Cancelled') return [];
      if (invitationStatus(invitation, command.context.at) !== 'Pending')
        throw new PeopleRuleViolation('invalid', 'Invitation cannot be cancelled');
      return [{ type: 'InvitationCancelled', data: stamp(command.context) }];
    }
  }
}

const ACCEPT_REFUSALS: Record<string, string | undefined> = {
  Accepted: 'Invitation already accepted',
  Expired: 'Invitation is expired',
  Cancelled: 'Invitation is cancelled',
};

function existing(state: InvitationState): InvitationRecord {
  // Frappe answers a missing invitation with the same words whatever the reason.
  if (state.kind === 'absent') throw new PeopleRuleViolation('invalid', 'Invitation not found');
  return state.invitation;
}

/** Helpdesk's `user_invitation.allowed_roles`: Agent Managers and System Managers invite. */
function checkInviter(context: CommandContext): void {
  if (!isAgentManager(context)) throw new PeopleRuleViolation('permission', 'Not permitted');
}

function send(command: SendInvitation, state: InvitationState): InvitationEvent[] {
  const { context } = command;
  if (!INVITATION_APPS.includes(command.app_name))
    throw new PeopleRuleViolation('invalid', 'Application is not installed');
  checkInviter(context);
  if (state.kind === 'present')
    throw new PeopleRuleViolation('duplicate', `User Invitation ${command.name} already exists`);
  const email = userNameOf(command.email);
  if (!isValidEmail(email))
    throw new PeopleRuleViolation('invalid-email', `${command.email} is not a valid Email Address`);
  const roles = invitedRoles(command.roles, command.app_name, context);
  if (context.acceptedElsewhere)
    throw new PeopleRuleViolation('invalid', 'Invitation already accepted');
  if (context.pendingElsewhere)
    throw new PeopleRuleViolation('invalid', 'Invitation already exists');
  if (context.userEnabled === false) throw new PeopleRuleViolation('invalid', 'User is disabled');
  const { name, app_name, contact, customer, key_hash, expires_at } = command;
  const redirect_to_path = command.redirect_to_path.trim() || '/helpdesk';
  return [
    {
      type: 'InvitationSent',
      data: {
        ...stamp(context),
        name,
        email,
        roles,
        app_name,
        redirect_to_path,
        contact,
        customer,
        key_hash,
        expires_at,
      },
    },
  ];
}

function invitedRoles(roles: readonly string[], app: string, context: CommandContext): Role[] {
  const allowed = grantableRoles(context);
  const refused = roles.find((role) => !isRole(role) || !allowed.includes(role));
  if (refused !== undefined)
    throw new PeopleRuleViolation('invalid', `${refused} is not an allowed role for ${app}`);
  return [...new Set(roles as Role[])];
}
