import { createHash, randomBytes } from 'node:crypto';
import {
  CUSTOMER_ROLES,
  INVITATION_EXPIRY_DAYS,
  isValidEmail,
  userNameOf,
  type InvitationRecord,
} from '@helpdesk/agent-domain';
import { generateToken, hashSecret } from '@helpdesk/shared-credentials';
import type { Sql } from '@helpdesk/shared-event-store';
import { FrappeError } from '@helpdesk/shared-frappe-api';
import type { RequestContext } from '@helpdesk/shared-messaging';
import type { PeopleCommands } from '../people-commands.js';
import type { DirectoryLookups, Mailbox } from '../people-documents.port.js';
import { enrolAgent } from '../resources/enrol-agent.js';
import type { ContactDirectory } from './contact-directory.js';

export const HELPDESK_APP = 'helpdesk';
const INVITATION_TEMPLATE = 'user_invitation';
const AGENT_ROLES: readonly string[] = ['Agent', 'Agent Manager', 'System Manager'];

export interface InviteOptions {
  roles: readonly string[];
  redirect_to_path: string;
  app_name: string;
  contact?: string | null;
  customer?: string | null;
}

/** `invite_by_email`'s answer, with Helpdesk's `disabled_user_emails`. */
export interface InviteResult {
  invited_emails: string[];
  pending_invite_emails: string[];
  accepted_invite_emails: string[];
  disabled_user_emails: string[];
}

export interface Accepted {
  invitation: InvitationRecord;
  /** A first key pair for the invitee, shown once; absent when they had one already. */
  keys?: { api_key: string; api_secret: string };
}

/** SHA-256 of an invitation key, the only form in which a key is ever recorded. */
export function invitationKeyHash(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/**
 * Frappe's User Invitation with Helpdesk's hooks: invitations are sent, resent, cancelled and
 * accepted as events; the mail with the link is queued for a mailer, and nothing sends it here.
 */
export class Invitations {
  constructor(
    private readonly commands: PeopleCommands,
    private readonly lookups: DirectoryLookups,
    private readonly mailbox: Mailbox,
    private readonly contacts: ContactDirectory,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async invite(
    sql: Sql,
    emails: readonly string[],
    options: InviteOptions,
    context: RequestContext,
  ): Promise<InviteResult> {
    const result: InviteResult = {
      invited_emails: [],
      pending_invite_emails: [],
      accepted_invite_emails: [],
      disabled_user_emails: [],
    };
    const now = this.now().toISOString();
    for (const email of [...new Set(emails.map(userNameOf))]) {
      if (!isValidEmail(email))
        throw new FrappeError('InvalidEmailAddressError', `${email} is not a valid Email Address`);
      const earlier = await this.lookups.invitationsOf(sql, email, options.app_name);
      const user = await this.commands.user(sql, email);
      if (earlier.some((row) => row.status === 'Accepted'))
        result.accepted_invite_emails.push(email);
      else if (earlier.some((row) => row.status === 'Pending' && row.expires_at > now))
        result.pending_invite_emails.push(email);
      else if (user && !user.enabled) result.disabled_user_emails.push(email);
      else {
        await this.send(sql, email, options, user?.enabled, context);
        result.invited_emails.push(email);
      }
    }
    return result;
  }

  private async send(
    sql: Sql,
    email: string,
    options: InviteOptions,
    userEnabled: boolean | undefined,
    context: RequestContext,
  ): Promise<void> {
    const name = randomBytes(5).toString('hex');
    const { key, key_hash, expires_at } = this.newKey();
    const invitation = await this.commands.onInvitation(
      sql,
      name,
      {
        type: 'SendInvitation',
        name,
        email,
        roles: options.roles,
        app_name: options.app_name,
        redirect_to_path: options.redirect_to_path,
        contact: options.contact ?? null,
        customer: options.customer ?? null,
        key_hash,
        expires_at,
      },
      context,
      { userEnabled, pendingElsewhere: false, acceptedElsewhere: false },
    );
    await this.queueMail(sql, invitation!, key, context);
  }

  private newKey() {
    const key = generateToken(32);
    const expires = this.now().getTime() + INVITATION_EXPIRY_DAYS * 24 * 60 * 60 * 1000;
    return { key, key_hash: invitationKeyHash(key), expires_at: new Date(expires).toISOString() };
  }

  /** The link carries the key; the mail waits in the queue until a mailer sends it. */
  private async queueMail(
    sql: Sql,
    invitation: InvitationRecord,
    key: string,
    context: RequestContext,
  ) {
    await this.mailbox.dropUnsent(sql, 'User Invitation', invitation.name, INVITATION_TEMPLATE);
    await this.mailbox.enqueue(sql, {
      recipient: invitation.email,
      subject: "You've been invited to join Helpdesk",
      template: INVITATION_TEMPLATE,
      args: {
        invite_link: `/api/method/frappe.core.api.user_invitation.accept_invitation?key=${key}`,
        invited_by: context.user,
        expiry_days: INVITATION_EXPIRY_DAYS,
      },
      reference_doctype: 'User Invitation',
      reference_name: invitation.name,
    });
  }

  async resend(sql: Sql, name: string, context: RequestContext): Promise<void> {
    const { key, key_hash, expires_at } = this.newKey();
    const invitation = await this.commands.onInvitation(
      sql,
      name,
      { type: 'ResendInvitation', key_hash, expires_at },
      context,
    );
    await this.queueMail(sql, invitation!, key, context);
  }

  /** `cancel_invitation`: true when this call cancelled it, false when it already was. */
  async cancel(sql: Sql, name: string, app: string, context: RequestContext): Promise<boolean> {
    const before = await this.commands.invitation(sql, name);
    if (!before || before.app_name !== app) throw FrappeError.validation('Invitation not found');
    const after = await this.commands.onInvitation(
      sql,
      name,
      { type: 'CancelInvitation' },
      context,
    );
    await this.mailbox.dropUnsent(sql, 'User Invitation', name, INVITATION_TEMPLATE);
    return before.status !== 'Cancelled' && after?.status === 'Cancelled';
  }

  /**
   * `accept_invitation`: the key is the credential. The user is created (or given the roles) and,
   * as Helpdesk's `after_accept` does, becomes an HD Agent or a Contact of the invited customer.
   * Those follow-ups run with the inviter's authority, so an inviter who lost the right to grant
   * the roles cannot have them granted later; the invitee gets a first API key pair to sign in.
   */
  async accept(sql: Sql, key: string, caller: RequestContext): Promise<Accepted> {
    const key_hash = invitationKeyHash(key);
    const name = await this.lookups.invitationOfKeyHash(sql, key_hash);
    if (!name) throw FrappeError.validation('Invalid key');
    const pending = await this.commands.invitation(sql, name);
    const invitee = { ...caller, user: pending?.email ?? caller.user, roles: [] };
    const invitation = (await this.commands.onInvitation(
      sql,
      name,
      { type: 'AcceptInvitation', key_hash },
      invitee,
    ))!;
    await this.mailbox.dropUnsent(sql, 'User Invitation', name, INVITATION_TEMPLATE);
    const inviterRoles = (await this.commands.user(sql, invitation.invited_by))?.roles ?? [];
    const inviter = { ...caller, user: invitation.invited_by, roles: inviterRoles };
    const user = await this.upsertUser(sql, invitation, inviter);
    if (
      invitation.roles.some((role) => AGENT_ROLES.includes(role)) &&
      !(await this.commands.agent(sql, user))
    )
      await enrolAgent(this.commands, sql, user, inviter);
    if (invitation.roles.some((role) => CUSTOMER_ROLES.includes(role)))
      await this.contacts.joinFromInvitation(sql, invitation, inviter);
    const record = await this.commands.user(sql, user);
    if (record?.api_key) return { invitation };
    const api_key = generateToken(15);
    const api_secret = generateToken(15);
    await this.commands.onUser(
      sql,
      user,
      {
        type: 'IssueApiKeys',
        api_key,
        api_secret_hash: await hashSecret(api_secret),
        acceptedInvitation: invitation,
      },
      invitee,
    );
    return { invitation, keys: { api_key, api_secret } };
  }

  private async upsertUser(sql: Sql, invitation: InvitationRecord, inviter: RequestContext) {
    const email = invitation.email;
    const existing = await this.commands.user(sql, email);
    if (!existing) {
      const local = email.split('@')[0] ?? email;
      await this.commands.onUser(
        sql,
        email,
        {
          type: 'RegisterUser',
          email,
          first_name: local.charAt(0).toUpperCase() + local.slice(1),
          roles: invitation.roles,
        },
        inviter,
      );
      return email;
    }
    if (!existing.enabled) throw FrappeError.validation('User is disabled');
    await this.commands.onUser(
      sql,
      email,
      { type: 'ChangeUserRoles', add: invitation.roles, remove: [] },
      inviter,
    );
    return email;
  }

  /** The invitation as `get_contact_info` shows it: the newest one not accepted. */
  async openInvitationOf(sql: Sql, contact: string, email: string | null) {
    if (!email) return undefined;
    const now = this.now().toISOString();
    const rows = await this.lookups.invitationsOf(sql, email, HELPDESK_APP);
    const open = rows.find((row) => row.contact === contact && row.status !== 'Accepted');
    if (!open) return undefined;
    return {
      name: open.name,
      status: open.status === 'Pending' && open.expires_at <= now ? 'Expired' : open.status,
    };
  }

  pending(sql: Sql, customer?: string) {
    return this.lookups.pendingInvitations(sql, HELPDESK_APP, customer);
  }
}
