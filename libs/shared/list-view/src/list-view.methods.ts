import { FrappeError, flagArgument, textArgument } from '@helpdesk/shared-frappe-api';
import type { DocTypeMeta } from '@helpdesk/shared-frappe-query';
import type {
  DoctypeResource,
  MethodHandler,
  MethodReply,
  RequestContext,
} from '@helpdesk/shared-messaging';
import { takeAssignedOn, withNamesIn, type AssignedOnCondition } from './assigned-on.js';
import { substituteAtMe } from './at-me.js';
import { groupByField } from './group-by.js';
import {
  columnKey,
  filtersWithDefaults,
  listArgument,
  pageLengthOf,
  viewArgument,
} from './list-data-arguments.js';
import { frappeDefaultColumns, type ListDefaults } from './list-columns.js';
import { filterableFields, listFields, quickFilters, sortOptions } from './list-view-fields.js';

/** A DocType the list machinery serves: its documents, its meta and what sets it apart. */
export interface ListViewDoctype {
  /** Lists and counts with the caller's permissions, as `/api/resource` does. */
  resource: DoctypeResource;
  meta: DocTypeMeta;
  /** The DocType's `default_list_data()`: columns and rows of its default view, if it has one. */
  defaults?: (portal: boolean) => ListDefaults;
  /** Whether `get_list_data` also describes every field (`fields`); Helpdesk does for HD Ticket. */
  describesFields?: boolean;
  /** Whether the team is left out of the filterable fields (HD Settings restricts by team). */
  hidesTeam?: () => Promise<boolean>;
  /**
   * The documents assigned to `user` (open assignments only) whose assignment day meets
   * `condition`: what the `__assigned_on` pseudo-filter lists by name. Without it, none match.
   */
  assignedTo?: (user: string, condition: AssignedOnCondition) => Promise<(string | number)[]>;
  /** Refuses a caller who may not read the DocType (`get_filterable_fields`' check). */
  checkRead?: (context: RequestContext) => void;
}

export interface ListViewOptions {
  /** Whether the caller is an agent; others always get the customer portal's fields. */
  isAgent(context: RequestContext): boolean;
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

  /** The four methods by their dotted names, for a service's method registry. */
  registry(): [string, MethodHandler][] {
    return [
      ['helpdesk.api.doc.get_list_data', (params, context) => this.getListData(params, context)],
      [
        'helpdesk.api.doc.get_filterable_fields',
        (params, context) => this.getFilterableFields(params, context),
      ],
      ['helpdesk.api.doc.get_quick_filters', (params) => this.getQuickFilters(params)],
      ['helpdesk.api.doc.sort_options', (params) => this.sortOptions(params)],
    ];
  }

  async getListData(params: Record<string, unknown>, context: RequestContext) {
    const doctype = this.doctype(params);
    const { resource, meta } = doctype;
    const portal = flagArgument(params.show_customer_portal_fields);
    const view = viewArgument(params.view);
    const { columns, rows } = this.layout(doctype, params, portal);
    const filters = await this.withAssignedOn(
      doctype,
      substituteAtMe(filtersWithDefaults(params), context.user),
      context.user,
    );
    const known = new Set(meta.fields.map((field) => field.fieldname));
    const fields = [
      ...new Set([
        ...columns.map((column) => columnKey(column)),
        ...rows,
        ...(view.groupByField ? [view.groupByField] : []),
        ...STANDARD_ROWS.filter((field) => known.has(field)),
      ]),
    ];
    const orderBy = params.order_by ?? 'modified desc';
    const data = await resource.list(
      { fields, filters, order_by: orderBy, limit_page_length: pageLengthOf(params.page_length) },
      context,
    );
    const total = await resource.count({ filters }, context);
    const grouped = view.viewType === 'group_by' && view.groupByField;
    return {
      message: {
        data,
        columns,
        rows: fields,
        fields: doctype.describesFields ? listFields(meta, { portal, hideTeam: false }) : [],
        total_count: total,
        row_count: data.length,
        group_by_field: grouped
          ? groupByField(meta, view.groupByField!, data, orderBy)
          : (view.groupByField ?? null),
        view_type: view.viewType ?? 'list',
      },
    };
  }

  async getFilterableFields(params: Record<string, unknown>, context: RequestContext) {
    const { meta, hidesTeam, checkRead } = this.doctype(params);
    checkRead?.(context);
    const portal =
      flagArgument(params.show_customer_portal_fields) || !this.options.isAgent(context);
    const hideTeam =
      hidesTeam !== undefined &&
      !flagArgument(params.ignore_team_restrictions) &&
      (await hidesTeam());
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
   * The columns and rows to show: the caller's; else, when the default view is asked for, the
   * DocType's defaults; else Frappe's Name and Last Modified. Passing columns or rows turns
   * `is_default` off.
   */
  private layout(doctype: ListViewDoctype, params: Record<string, unknown>, portal: boolean) {
    const columns = listArgument(params.columns, 'columns');
    const rows = listArgument(params.rows, 'rows').map((row) => String(row));
    const isDefault = flagArgument(params.is_default) && columns.length === 0 && rows.length === 0;
    if (isDefault && doctype.defaults) return doctype.defaults(portal);
    return {
      columns: columns.length > 0 ? columns : frappeDefaultColumns(),
      rows: rows.length > 0 ? rows : ['name'],
    };
  }

  /**
   * `handle_assigned_on_filter`: `__assigned_on` becomes `name in` the caller's documents
   * assigned on those days; where nothing is assigned it matches nothing.
   */
  private async withAssignedOn(doctype: ListViewDoctype, filters: unknown, user: string) {
    const taken = takeAssignedOn(filters);
    if (!taken.condition) return taken.filters;
    const names = doctype.assignedTo ? await doctype.assignedTo(user, taken.condition) : [];
    return withNamesIn(taken.filters, names);
  }

  private doctype(params: Record<string, unknown>): ListViewDoctype {
    const doctype = textArgument(params, 'doctype');
    const found = this.doctypes.get(doctype);
    if (!found) throw new FrappeError('DoesNotExistError', `DocType ${doctype} not found`);
    return found;
  }
}
