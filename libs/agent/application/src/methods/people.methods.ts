import {
  GenerateKeysArgs,
  GetTeamMembersArgs,
  SentInvitesArgs,
  SetMyAvailabilityArgs,
  UpdateAgentRoleArgs,
} from '@helpdesk/agent-contracts';
import { userNameOf } from '@helpdesk/agent-domain';
import { generateToken, hashSecret } from '@helpdesk/shared-credentials';
import { FrappeError } from '@helpdesk/shared-frappe-api';
import {
  parseBody,
  type MethodHandler,
  type MethodReply,
  type RequestContext,
} from '@helpdesk/shared-messaging';
import type { PeopleCommands } from '../people-commands.js';
import type { PeopleDirectoryReads, PersonSummary } from '../people-documents.port.js';
import { enrolAgent } from '../resources/enrol-agent.js';
import { viewerIsAgent, viewerIsManager } from '../viewer.js';

const AGENT_ROLES = ['Administrator', 'System Manager', 'Agent Manager', 'Agent'];

function agentOnly(context: RequestContext): void {
  if (!viewerIsAgent(context)) throw FrappeError.permission('You are not permitted to access this');
}

/** The whitelisted methods agent-service answers (frappe-api §2.2, §2.5, §2.6). */
export class PeopleMethods {
  constructor(
    private readonly commands: PeopleCommands,
    private readonly reads: PeopleDirectoryReads,
  ) {}

  registry(): ReadonlyMap<string, MethodHandler> {
    return new Map<string, MethodHandler>([
      ['frappe.core.doctype.user.user.generate_keys', (p, c) => this.generateKeys(p, c)],
      ['helpdesk.api.agent.sent_invites', (p, c) => this.sentInvites(p, c)],
      ['helpdesk.api.agent.set_my_availability', (p, c) => this.setMyAvailability(p, c)],
      ['helpdesk.api.auth.get_user', (_p, c) => this.getUser(c)],
      ['helpdesk.api.session.get_users', (_p, c) => this.getUsers(c)],
      [
        'helpdesk.helpdesk.doctype.hd_team.hd_team.get_team_members',
        (p, c) => this.teamMembers(p, c),
      ],
      [
        'helpdesk.helpdesk.doctype.hd_agent.hd_agent.update_agent_role',
        (p, c) => this.updateAgentRole(p, c),
      ],
    ]);
  }

  /** A new key pair; the secret is shown in this reply only, and only its hash is recorded. */
  private async generateKeys(params: unknown, context: RequestContext): Promise<MethodReply> {
    const user = userNameOf((await parseBody(GenerateKeysArgs, params, 'User')).user);
    const apiKey = generateToken(15);
    const apiSecret = generateToken(15);
    const apiSecretHash = await hashSecret(apiSecret);
    await this.commands.transaction('User', user, (sql) =>
      this.commands.onUser(
        sql,
        user,
        { type: 'IssueApiKeys', api_key: apiKey, api_secret_hash: apiSecretHash },
        context,
      ),
    );
    return { message: { api_key: apiKey, api_secret: apiSecret } };
  }

  /** Users (created when missing) become HD Agents; all of them or none. */
  private async sentInvites(params: unknown, context: RequestContext): Promise<MethodReply> {
    agentOnly(context);
    const { emails } = await parseBody(SentInvitesArgs, params, 'HD Agent');
    const addresses = [...new Set(emails.map(userNameOf))];
    await this.commands.transaction('HD Agent', addresses.join(', '), async (sql) => {
      for (const email of addresses) {
        if (!(await this.commands.user(sql, email))) {
          await this.commands.onUser(
            sql,
            email,
            { type: 'RegisterUser', email, roles: ['Agent'] },
            context,
          );
        }
        await enrolAgent(this.commands, sql, email, context);
      }
    });
    return {};
  }

  private async setMyAvailability(params: unknown, context: RequestContext): Promise<MethodReply> {
    agentOnly(context);
    const { availability } = await parseBody(SetMyAvailabilityArgs, params, 'HD Agent');
    const agent = await this.commands.transaction('HD Agent', context.user, async (sql) => {
      const person = await this.reads.person(context.user);
      if (!person?.agent) throw FrappeError.validation('No HD Agent record for current user');
      return this.commands.onAgent(
        sql,
        context.user,
        { type: 'EditAgent', changes: { availability } },
        context,
      );
    });
    return { message: { availability: agent?.availability ?? availability } };
  }

  private async getUser(context: RequestContext): Promise<MethodReply> {
    const person = await this.reads.person(context.user);
    if (!person) throw FrappeError.authentication('Not permitted');
    const roles = person.roles;
    const isAdmin =
      person.name === 'Administrator' ||
      roles.includes('Administrator') ||
      roles.includes('System Manager');
    return {
      message: {
        has_desk_access: person.user_type === 'System User',
        is_admin: isAdmin,
        is_agent: isAdmin || roles.some((role) => AGENT_ROLES.includes(role)) || !!person.agent,
        has_agent_record: !!person.agent,
        user_id: person.name,
        is_manager: person.name === 'Administrator' || roles.includes('Agent Manager'),
        user_image: person.user_image,
        user_first_name: person.first_name,
        user_name: person.full_name,
        username: null,
        time_zone: person.time_zone,
        user_teams: person.teams,
        language: 'en',
        availability: person.agent?.availability ?? null,
        availability_changed_on: person.agent?.availability_changed_on ?? null,
        persona_captured: false,
      },
    };
  }

  private async getUsers(context: RequestContext): Promise<MethodReply> {
    agentOnly(context);
    const users = await this.reads.enabledUsers();
    return { message: users.map((user) => sessionUser(user, context)) };
  }

  private async teamMembers(params: unknown, context: RequestContext): Promise<MethodReply> {
    agentOnly(context);
    const { team } = await parseBody(GetTeamMembersArgs, params, 'HD Team');
    const members = await this.reads.teamMembers(team);
    if (!members) throw FrappeError.doesNotExist('HD Team', team);
    return { message: members };
  }

  /** Manager → Agent Manager + System Manager; Agent → Agent, without both manager roles. */
  private async updateAgentRole(params: unknown, context: RequestContext): Promise<MethodReply> {
    if (!viewerIsManager(context)) throw FrappeError.permission('Not permitted');
    const args = await parseBody(UpdateAgentRoleArgs, params, 'User');
    const [user, new_role] = [userNameOf(args.user), args.new_role];
    const change =
      new_role === 'Manager'
        ? { add: ['Agent Manager', 'System Manager'], remove: [] }
        : { add: ['Agent'], remove: ['Agent Manager', 'System Manager'] };
    await this.commands.transaction('User', user, (sql) =>
      this.commands.onUser(sql, user, { type: 'ChangeUserRoles', ...change }, context),
    );
    return {};
  }
}

function sessionUser(user: PersonSummary, context: RequestContext) {
  const role = user.roles.includes('Agent Manager')
    ? 'Manager'
    : user.roles.includes('Agent') || user.agent
      ? 'Agent'
      : 'Guest';
  return {
    name: user.name,
    email: user.email,
    enabled: user.enabled ? 1 : 0,
    user_image: user.user_image,
    full_name: user.full_name,
    user_type: user.user_type,
    role,
    ...(user.name === context.user ? { session_user: true } : {}),
  };
}
