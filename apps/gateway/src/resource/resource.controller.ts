import { Body, Controller, Get, HttpCode, Inject, Param, Post, Req } from '@nestjs/common';
import { FrappeError } from '@helpdesk/shared-frappe-api';
import { parseBody } from '@helpdesk/shared-messaging';
import { metaOf, type GatewayRequest } from '../gateway-request.js';
import { ServiceClient } from '../rpc.providers.js';
import { DOCTYPE_ROUTES, type DoctypeRoute } from './doctype-routes.js';

function routeFor(doctype: string): DoctypeRoute {
  const route = Object.hasOwn(DOCTYPE_ROUTES, doctype) ? DOCTYPE_ROUTES[doctype] : undefined;
  if (!route) throw new FrappeError('DoesNotExistError', `DocType ${doctype} not found`);
  return route;
}

/** Frappe's `POST /api/resource/<doctype>` also takes the document as JSON in a form field `data`. */
function documentOf(body: unknown): unknown {
  if (body && typeof body === 'object' && 'data' in body && typeof body.data === 'string') {
    try {
      return JSON.parse(body.data);
    } catch {
      throw FrappeError.validation('Field data must hold a JSON document');
    }
  }
  return body ?? {};
}

/** `/api/resource/<doctype>[/<name>]`: Frappe's document CRUD, answered as `{"data": ...}`. */
@Controller({ path: ['api/resource', 'api/v1/resource'] })
export class ResourceController {
  constructor(@Inject(ServiceClient) private readonly services: ServiceClient) {}

  @Post(':doctype')
  @HttpCode(200)
  async create(
    @Param('doctype') doctype: string,
    @Body() body: unknown,
    @Req() request: GatewayRequest,
  ): Promise<{ data: unknown }> {
    const route = routeFor(doctype).create;
    if (!route) throw FrappeError.permission(`Not permitted to create ${doctype}`);
    const document = await parseBody(route.dto, documentOf(body), doctype);
    return { data: await this.services.request(route.subject, document, metaOf(request)) };
  }

  @Get(':doctype/:name')
  async get(
    @Param('doctype') doctype: string,
    @Param('name') name: string,
    @Req() request: GatewayRequest,
  ): Promise<{ data: unknown }> {
    const route = routeFor(doctype).get;
    if (!route) throw FrappeError.permission(`Not permitted to read ${doctype}`);
    if (route.numericName && !/^\d{1,15}$/.test(name))
      throw FrappeError.doesNotExist(doctype, name);
    const body = { name: route.numericName ? Number(name) : name };
    return { data: await this.services.request(route.subject, body, metaOf(request)) };
  }
}
