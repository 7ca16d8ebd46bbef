import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Inject,
  Param,
  Post,
  Put,
  Query,
  Req,
} from '@nestjs/common';
import { assertPlainJson, FrappeError } from '@helpdesk/shared-frappe-api';
import { metaOf, type GatewayRequest } from '../gateway-request.js';
import { Documents } from './documents.js';

/** Frappe's `POST /api/resource/<doctype>` also takes the document as JSON in a form field `data`. */
export function documentOf(body: unknown): unknown {
  let document: unknown = body ?? {};
  if (body && typeof body === 'object' && 'data' in body && typeof body.data === 'string') {
    try {
      document = JSON.parse(body.data);
    } catch {
      throw FrappeError.validation('Field data must hold a JSON document');
    }
  }
  // Refused here, at the edge: forwarding it would overflow the NATS encoder.
  assertPlainJson(document, 'Document');
  return document;
}

/** `/api/resource/<doctype>[/<name>]`: Frappe's document CRUD, answered as `{"data": ...}`. */
@Controller({ path: ['api/resource', 'api/v1/resource'] })
export class ResourceController {
  constructor(@Inject(Documents) private readonly documents: Documents) {}

  @Post(':doctype')
  @HttpCode(200)
  async create(
    @Param('doctype') doctype: string,
    @Body() body: unknown,
    @Req() request: GatewayRequest,
  ) {
    return { data: await this.documents.insert(doctype, documentOf(body), metaOf(request)) };
  }

  /** Query parameters as Frappe's `document_list` reads them: JSON strings or plain values. */
  @Get(':doctype')
  async list(
    @Param('doctype') doctype: string,
    @Query() query: Record<string, unknown>,
    @Req() request: GatewayRequest,
  ) {
    return { data: await this.documents.list(doctype, query ?? {}, metaOf(request)) };
  }

  @Get(':doctype/:name')
  async get(
    @Param('doctype') doctype: string,
    @Param('name') name: string,
    @Req() request: GatewayRequest,
  ) {
    return { data: await this.documents.get(doctype, name, metaOf(request)) };
  }

  @Put(':doctype/:name')
  async update(
    @Param('doctype') doctype: string,
    @Param('name') name: string,
    @Body() body: unknown,
    @Req() request: GatewayRequest,
  ) {
    return { data: await this.documents.update(doctype, name, documentOf(body), metaOf(request)) };
  }

  @Delete(':doctype/:name')
  @HttpCode(202)
  async delete(
    @Param('doctype') doctype: string,
    @Param('name') name: string,
    @Req() request: GatewayRequest,
  ) {
    return { data: await this.documents.delete(doctype, name, metaOf(request)) };
  }
}
