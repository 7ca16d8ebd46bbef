import { Controller, Inject, UseFilters } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AgentSubjects,
  AuthenticateApiKeyDto,
  type AuthenticatedUser,
} from '@helpdesk/agent-contracts';
import { FrappeError } from '@helpdesk/shared-frappe-api';
import { isRpcRequest, parseBody, RpcErrorFilter } from '@helpdesk/shared-messaging';
import { ApiKeyUsers } from './api-key-users.js';

/** agent-service's NATS request/reply surface. */
@Controller()
@UseFilters(RpcErrorFilter)
export class AgentMessagesController {
  constructor(@Inject(ApiKeyUsers) private readonly users: ApiKeyUsers) {}

  @MessagePattern(AgentSubjects.authenticateApiKey)
  async authenticate(@Payload() message: unknown): Promise<AuthenticatedUser> {
    if (!isRpcRequest(message))
      throw FrappeError.validation('Malformed request: meta.actor is required');
    const { apiKey, apiSecret } = await parseBody(AuthenticateApiKeyDto, message.body, 'User');
    const user = await this.users.authenticate(apiKey, apiSecret);
    if (!user) throw FrappeError.authentication('Invalid API key or secret');
    return user;
  }
}
