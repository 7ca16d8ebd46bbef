import { All, Controller, Inject, Req } from '@nestjs/common';
import { FrappeError, STANDARD_FIELDNAMES } from '@helpdesk/shared-frappe-api';
import { metaOf, type GatewayRequest } from '../gateway-request.js';
import { Documents } from '../resource/documents.js';
import { jsonParam, methodParams, objectParam, requiredText } from './method-params.js';

/** `/api/method/frappe.client.*`: the generic document calls the Helpdesk web app makes. */
@Controller({ path: ['api/method', 'api/v1/method'] })
export class FrappeClientController {
  constructor(@Inject(Documents) private readonly documents: Documents) {}

  @All('frappe.client.get_list')
  async getList(@Req() request: GatewayRequest) {
    const params = methodParams(request);
    const { doctype, ...listParams } = params;
    return {
      message: await this.documents.list(
        requiredText({ doctype }, 'doctype'),
        listParams,
        metaOf(request),
      ),
    };
  }

  @All(['frappe.client.get_count', 'frappe.desk.reportview.get_count'])
  async getCount(@Req() request: GatewayRequest) {
    const params = methodParams(request);
    const count = await this.documents.count(
      requiredText(params, 'doctype'),
      params.filters,
      params.or_filters,
      metaOf(request),
    );
    return { message: count };
  }

  /** `frappe.client.get_value`: one or several fields of the first match, by name or filters. */
  @All('frappe.client.get_value')
  async getValue(@Req() request: GatewayRequest) {
    const params = methodParams(request);
    const doctype = requiredText(params, 'doctype');
    const fieldname = jsonParam(params, 'fieldname');
    const fields = Array.isArray(fieldname) ? fieldname : [requiredText(params, 'fieldname')];
    const filters = jsonParam(params, 'filters');
    const asDict =
      params.as_dict === undefined || !['0', 'false', 0, false].includes(params.as_dict as never);
    const rows = await this.documents.list(
      doctype,
      {
        fields,
        filters:
          typeof filters === 'string' || typeof filters === 'number'
            ? [['name', '=', filters]]
            : (filters ?? []),
        limit_page_length: 1,
      },
      metaOf(request),
    );
    const row = rows[0] as Record<string, unknown> | undefined;
    if (!row) return {};
    if (asDict) return { message: row };
    return {
      message: fields.length === 1 ? row[String(fields[0])] : fields.map((f) => row[String(f)]),
    };
  }

  @All('frappe.client.get')
  async get(@Req() request: GatewayRequest) {
    const params = methodParams(request);
    const doctype = requiredText(params, 'doctype');
    const name = params.name === undefined ? doctype : requiredText(params, 'name');
    return { message: await this.documents.get(doctype, name, metaOf(request)) };
  }

  @All('frappe.client.insert')
  async insert(@Req() request: GatewayRequest) {
    const doc = objectParam(methodParams(request), 'doc');
    return {
      message: await this.documents.insert(doc.doctype, withoutDoctype(doc), metaOf(request)),
    };
  }

  @All('frappe.client.set_value')
  async setValue(@Req() request: GatewayRequest) {
    const params = methodParams(request);
    const doctype = requiredText(params, 'doctype');
    const name = requiredText(params, 'name');
    const fieldname = jsonParam(params, 'fieldname');
    const changes =
      typeof fieldname === 'object' && fieldname !== null && !Array.isArray(fieldname)
        ? (fieldname as Record<string, unknown>)
        : { [requiredText(params, 'fieldname')]: params.value ?? null };
    if (Object.keys(changes).some((field) => STANDARD_FIELDNAMES.has(field))) {
      throw FrappeError.validation('Cannot edit standard fields');
    }
    return { message: await this.documents.update(doctype, name, changes, metaOf(request)) };
  }

  @All('frappe.client.save')
  async save(@Req() request: GatewayRequest) {
    const doc = objectParam(methodParams(request), 'doc');
    const name = requiredText(doc, 'name');
    return {
      // The whole document goes on: the owning service treats repeated values as no change and
      // compares `modified` to catch a stale copy, as Frappe's save does.
      message: await this.documents.update(doc.doctype, name, doc, metaOf(request)),
    };
  }

  @All('frappe.client.delete')
  async delete(@Req() request: GatewayRequest) {
    const params = methodParams(request);
    await this.documents.delete(
      requiredText(params, 'doctype'),
      requiredText(params, 'name'),
      metaOf(request),
    );
    return {};
  }
}

function withoutDoctype(doc: Record<string, unknown>): Record<string, unknown> {
  const { doctype: _doctype, ...rest } = doc;
  return rest;
}
