/**
 * The `/api/method/<path>` routes the gateway answers itself (sessions, the generic
 * `frappe.client.*` document calls, `ping`) or routes by the DocType they name. With each
 * service's `*_METHODS` list they make up every method of the API.
 */
export const GATEWAY_METHODS = {
  guest: ['ping', 'login', 'logout'],
  loggedIn: [
    'frappe.auth.get_logged_user',
    'frappe.client.get_list',
    'frappe.client.get_count',
    'frappe.desk.reportview.get_count',
    'frappe.client.get_value',
    'frappe.client.get',
    'frappe.client.insert',
    'frappe.client.set_value',
    'frappe.client.save',
    'frappe.client.delete',
  ],
  /** Generic methods the service owning the DocType they name answers. */
  byDoctype: [
    'run_doc_method',
    'helpdesk.api.doc.get_list_data',
    'helpdesk.api.doc.get_filterable_fields',
    'helpdesk.api.doc.get_quick_filters',
    'helpdesk.api.doc.sort_options',
    'helpdesk.api.doc.remove_assignments',
  ],
} as const;
