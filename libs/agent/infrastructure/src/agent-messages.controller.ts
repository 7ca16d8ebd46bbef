import { Controller, Inject, UseFilters } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { PeopleCommands } from '@helpdesk/agent-application';
import {
  AgentSubjects,
  AuthenticateApiKeyDto,
  AuthenticatePasswordDto,
  SessionUserDto,
  type SessionUser,
  LinkTeamAssignmentRuleDto,
  type AuthenticatedUser,
} from '@helpdesk/agent-contracts';
import { FrappeError } from '@helpdesk/shared-frappe-api';
import {
  isRpcRequest,
  parseBody,
  RpcErrorFilter,
  serviceRequest,
} from '@helpdesk/shared-messaging';
import { UserCredentials } from './user-credentials.js';

/** agent-service's NATS request/reply surface. */
@Controller()
@UseFilters(RpcErrorFilter)
export class AgentMessagesController {
  constructor(
    @Inject(UserCredentials) private readonly users: UserCredentials,
    @Inject(PeopleCommands) private readonly commands: PeopleCommands,
  ) {}

  @MessagePattern(AgentSubjects.authenticateApiKey)
  async authenticate(@Payload() message: unknown): Promise<AuthenticatedUser> {
    if (!isRpcRequest(message))
      throw FrappeError.validation('Malformed request: meta.actor is required');
    const { apiKey, apiSecret } = await parseBody(AuthenticateApiKeyDto, message.body, 'User');
    const user = await this.users.authenticate(apiKey, apiSecret);
    if (!user) throw FrappeError.authentication('Invalid API key or secret');
    return user;
  }

  @MessagePattern(AgentSubjects.authenticatePassword)
  async authenticatePassword(@Payload() message: unknown): Promise<SessionUser> {
    const { body } = serviceRequest<Record<string, unknown>>(message);
    const { usr, pwd } = await parseBody(AuthenticatePasswordDto, body, 'User');
    const user = await this.users.authenticatePassword(usr, pwd);
    if (!user) throw FrappeError.authentication('Invalid login credentials');
    return user;
  }

  @MessagePattern(AgentSubjects.sessionUser)
  async sessionUser(@Payload() message: unknown): Promise<SessionUser> {
    const { body } = serviceRequest<Record<string, unknown>>(message);
    const { user } = await parseBody(SessionUserDto, body, 'User');
    const found = await this.users.sessionUser(user);
    if (!found) throw FrappeError.authentication('Session expired');
    return found;
  }

  /** HD Team's `assignment_rule`, set by assignment-rule-service once the team's rule exists. */
  @MessagePattern(AgentSubjects.linkTeamAssignmentRule)
  async linkTeamAssignmentRule(@Payload() message: unknown): Promise<{ linked: true }> {
    const { context, body } = serviceRequest<Record<string, unknown>>(message);
    const { team, assignment_rule } = await parseBody(LinkTeamAssignmentRuleDto, body, 'HD Team');
    await this.commands.transaction('HD Team', team, (sql) =>
      this.commands.onTeam(sql, team, { type: 'LinkTeamAssignmentRule', assignment_rule }, context),
    );
    return { linked: true };
  }
}
