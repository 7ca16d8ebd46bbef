import {
  FrappeError,
  flagArgument,
  jsonArgument,
  objectArgument,
  textArgument,
} from '@helpdesk/shared-frappe-api';
import type { DocTypeMeta } from '@helpdesk/shared-frappe-query';
import type { MethodReply } from '@helpdesk/shared-messaging';
import type { DoctypeResource } from '../doctype-resource.js';
import { isAgent, type RequestContext } from '../request-context.js';
import { takeAssignedOn, withNamesIn, type AssignedOnCondition } from './assigned-on.js';
import { substituteAtMe } from './at-me.js';
import { hdTicketListDefaults } from './hd-ticket-list-defaults.js';
import { filterableFields, listFields, quickFilters, sortOptions } from './list-view-fields.js';

/** A DocType the list machinery serves: its documents and its meta. */
export interface ListViewDoctype {
  resource: DoctypeResource;
  meta: DocTypeMeta;
}

export interface ListViewOptions {
  /** HD Settings' `restrict_tickets_by_agent_group`, read when needed. */
  restrictsByTeam(): Promise<boolean>;
  /**
   * The tickets assigned to `user` (open assignments only) whose assignment date, a day in the
   * site's zone, meets `condition`; the `__assigned_on` pseudo-filter lists them by name.
   */
  assignedTickets?(user: string, condition: AssignedOnCondition): Promise<number[]>;
}

/**
 * Standard fields Frappe adds to every list's rows when the DocType has them; HD Ticket rows
 * also carry `_seen`, which the list uses to show unread tickets.
 */
const STANDARD_ROWS = ['name', '_seen', 'creation', 'modified', 'modified_by', '_assign', 'owner'];

/** `helpdesk.api.doc.*`: the generic list machinery every Helpdesk list page calls (§2.3). */
export class ListViewMethods {
  constructor(
    private readonly doctypes: ReadonlyMap<string, ListViewDoctype>,
    private readonly options: ListViewOptions,
  ) {}

  async getListData(params: Record<string, unknown>, context: RequestContext) {
    const { resource, meta } = this.doctype(params);
    const portal = flagArgument(params.show_customer_portal_fields);
    let columns = listArgument(params.columns, 'columns');
    let rows = listArgument(params.rows, 'rows').map((row) => String(row));
    const isDefault = flagArgument(params.is_default) && columns.length === 0 && rows.length === 0;
    if (isDefault && meta.doctype === 'HD Ticket')
      ({ columns, rows } = hdTicketListDefaults(portal));
    const filters = await this.withAssignedOn(
      meta.doctype,
      substituteAtMe(this.filters(params), context.user),
      context.user,
    );
    const known = new Set(meta.fields.map((field) => field.fieldname));
    const fields = [
      ...new Set([
        ...columns.map((column) => columnKey(column)),
        ...rows,
        ...STANDARD_ROWS.filter((field) => known.has(field)),
      ]),
    ];
    const pageLength = pageLengthOf(params.page_length);
    const data = await resource.list(
      {
        fields,
        filters,
        order_by: params.order_by ?? 'modified desc',
        limit_page_length: pageLength,
      },
      context,
    );
    const total = await resource.count({ filters }, context);
    const view =
      params.view === undefined || params.view === null ? {} : objectArgument(params.view, 'view');
    return {
      message: {
        data,
        columns,
        rows: fields,
        fields: meta.doctype === 'HD Ticket' ? listFields(meta, { portal, hideTeam: false }) : [],
        total_count: total,
        row_count: data.length,
        view_type: typeof view.view_type === 'string' ? view.view_type : 'list',
      },
    };
  }

  async getFilterableFields(params: Record<string, unknown>, context: RequestContext) {
    const { meta } = this.doctype(params);
    const portal = flagArgument(params.show_customer_portal_fields) || !isAgent(context);
    const hideTeam =
      meta.doctype === 'HD Ticket' &&
      !flagArgument(params.ignore_team_restrictions) &&
      (await this.options.restrictsByTeam());
    return { message: filterableFields(meta, { portal, hideTeam }) };
  }

  getQuickFilters(params: Record<string, unknown>): Promise<MethodReply> {
    const { meta } = this.doctype(params);
    return Promise.resolve({
      message: quickFilters(meta, flagArgument(params.show_customer_portal_fields)),
    });
  }

  sortOptions(params: Record<string, unknown>): Promise<MethodReply> {
    const { meta } = this.doctype(params);
    return Promise.resolve({
      message: sortOptions(meta, flagArgument(params.show_customer_portal_fields)),
    });
  }

  /**
   * `handle_assigned_on_filter`: `__assigned_on` becomes `name in` the caller's tickets assigned
   * on those days. Only tickets are assigned here, so on any other DocType it matches nothing.
   */
  private async withAssignedOn(doctype: string, filters: unknown, user: string) {
    const taken = takeAssignedOn(filters);
    if (!taken.condition) return taken.filters;
    const assigned = this.options.assignedTickets;
    const names = doctype === 'HD Ticket' && assigned ? await assigned(user, taken.condition) : [];
    return withNamesIn(taken.filters, names);
  }

  private doctype(params: Record<string, unknown>): ListViewDoctype {
    const doctype = textArgument(params, 'doctype');
    const found = this.doctypes.get(doctype);
    if (!found) throw new FrappeError('DoesNotExistError', `DocType ${doctype} not found`);
    return found;
  }

  /** Default filters fill in under the caller's: an explicit filter on a field wins. */
  private filters(params: Record<string, unknown>): unknown {
    const filters = jsonArgument(params.filters ?? {}, 'filters');
    const defaults = objectArgument(params.default_filters ?? {}, 'default_filters');
    if (typeof filters !== 'object' || filters === null) {
      throw FrappeError.validation('filters must be a JSON object or list');
    }
    if (Array.isArray(filters)) {
      const given = new Set(filters.map((f: unknown) => (Array.isArray(f) ? f[0] : undefined)));
      const extra = Object.entries(defaults)
        .filter(([field]) => !given.has(field))
        .map(([field, value]) => (Array.isArray(value) ? [field, ...value] : [field, '=', value]));
      return [...filters, ...extra];
    }
    return { ...defaults, ...filters };
  }
}

function listArgument(value: unknown, key: string): unknown[] {
  const parsed = jsonArgument(value ?? [], key);
  if (!Array.isArray(parsed)) throw FrappeError.validation(`${key} must be a JSON list`);
  return parsed;
}

function columnKey(column: unknown): string {
  const key =
    typeof column === 'object' && column !== null ? (column as { key?: unknown }).key : column;
  if (typeof key !== 'string' || key === '') {
    throw FrappeError.validation('each column needs a key');
  }
  return key;
}

function pageLengthOf(value: unknown): number {
  if (value === undefined || value === null || value === '') return 20;
  const length = Number(value);
  if (!Number.isInteger(length) || length < 0) {
    throw FrappeError.validation('page_length must be a non-negative integer');
  }
  return length;
}
