import { Inject, Injectable } from '@nestjs/common';
import { assertPlainJson, FrappeError } from '@helpdesk/shared-frappe-api';
import { parseBody, resourceSubject, type RequestMeta } from '@helpdesk/shared-messaging';
import { ServiceClient } from '../rpc.providers.js';
import { routeFor } from './doctype-routes.js';

/** Document CRUD forwarded to the owning service; shared by /api/resource and frappe.client.*. */
@Injectable()
export class Documents {
  constructor(@Inject(ServiceClient) private readonly services: ServiceClient) {}

  list(doctype: unknown, params: Record<string, unknown>, meta: RequestMeta): Promise<unknown[]> {
    const route = routeFor(doctype);
    assertPlainJson(params, 'Arguments');
    return this.services.request(
      resourceSubject(route.service, 'list'),
      { doctype: route.doctype, params },
      meta,
    );
  }

  count(
    doctype: unknown,
    filters: unknown,
    orFilters: unknown,
    meta: RequestMeta,
  ): Promise<number> {
    const route = routeFor(doctype);
    return this.services.request(
      resourceSubject(route.service, 'count'),
      { doctype: route.doctype, filters, or_filters: orFilters },
      meta,
    );
  }

  get(doctype: unknown, name: string, meta: RequestMeta): Promise<unknown> {
    const route = routeFor(doctype);
    return this.services.request(
      resourceSubject(route.service, 'get'),
      { doctype: route.doctype, name: existingName(route.doctype, name) },
      meta,
    );
  }

  async insert(doctype: unknown, doc: unknown, meta: RequestMeta): Promise<unknown> {
    const route = routeFor(doctype);
    const checked = route.createDto ? await parseBody(route.createDto, doc, route.doctype) : doc;
    return this.services.request(
      resourceSubject(route.service, 'insert'),
      { doctype: route.doctype, doc: checked },
      meta,
    );
  }

  update(doctype: unknown, name: string, changes: unknown, meta: RequestMeta): Promise<unknown> {
    const route = routeFor(doctype);
    return this.services.request(
      resourceSubject(route.service, 'update'),
      { doctype: route.doctype, name: existingName(route.doctype, name), changes },
      meta,
    );
  }

  delete(doctype: unknown, name: string, meta: RequestMeta): Promise<unknown> {
    const route = routeFor(doctype);
    return this.services.request(
      resourceSubject(route.service, 'delete'),
      { doctype: route.doctype, name: existingName(route.doctype, name) },
      meta,
    );
  }
}

/** No document is named with a NUL (Postgres cannot store one), so such a name is not found. */
function existingName(doctype: string, name: string): string {
  if (name.includes('\u0000')) {
    throw FrappeError.doesNotExist(doctype, name.replaceAll('\u0000', ''));
  }
  return name;
}
