import { All, Controller, Inject, Param, Req } from '@nestjs/common';
import { methodSubject, type MethodCallBody, type MethodReply } from '@helpdesk/shared-messaging';
import { AllowGuest } from '../auth/auth.guard.js';
import { metaOf, type GatewayRequest } from '../gateway-request.js';
import { ServiceClient } from '../rpc.providers.js';
import { methodParams } from './method-params.js';
import { serviceForMethod } from './method-routes.js';

/** `/api/method/<dotted.path>`: whitelisted functions, answered as `{"message": ...}`. */
@Controller({ path: ['api/method', 'api/v1/method'] })
export class MethodController {
  constructor(@Inject(ServiceClient) private readonly services: ServiceClient) {}

  @All('ping')
  @AllowGuest()
  ping(): { message: string } {
    return { message: 'pong' };
  }

  @All('frappe.auth.get_logged_user')
  loggedUser(@Req() request: GatewayRequest): { message: string } {
    return { message: request.actor.user };
  }

  /** Everything else goes to the service that owns it; Frappe omits `message` for `None`. */
  @All(':method')
  async call(
    @Param('method') method: string,
    @Req() request: GatewayRequest,
  ): Promise<MethodReply> {
    const params = methodParams(request);
    const service = serviceForMethod(method, params);
    const body: MethodCallBody = { method, params };
    return this.services.request<MethodReply>(methodSubject(service), body, metaOf(request));
  }
}
