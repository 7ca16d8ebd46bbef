import { All, Controller, Param, Req } from '@nestjs/common';
import { FrappeError } from '@helpdesk/shared-frappe-api';
import { AllowGuest } from '../auth/auth.guard.js';
import type { GatewayRequest } from '../gateway-request.js';

/** `/api/method/<dotted.path>`: whitelisted functions, answered as `{"message": ...}`. */
@Controller({ path: ['api/method', 'api/v1/method'] })
export class MethodController {
  @All('ping')
  @AllowGuest()
  ping(): { message: string } {
    return { message: 'pong' };
  }

  @All('frappe.auth.get_logged_user')
  loggedUser(@Req() request: GatewayRequest): { message: string } {
    return { message: request.actor.user };
  }

  @All(':method')
  unknown(@Param('method') method: string): never {
    throw new FrappeError('DoesNotExistError', `Method ${method} not found`);
  }
}
