/**
 * Frappe Helpdesk's generic list machinery (`helpdesk.api.doc.*`, frappe-api §2.3) for any
 * DocType a service owns: `get_list_data` with `@me`, `__assigned_on`, default views and group-by
 * views; `get_filterable_fields`, `get_quick_filters` and `sort_options` from the DocType's meta.
 * Each service lists its own DocTypes through their resources, so permissions are the resource's.
 */
export * from './assigned-on.js';
export * from './at-me.js';
export * from './group-by.js';
export * from './list-columns.js';
export * from './list-view-fields.js';
export * from './list-view.methods.js';
