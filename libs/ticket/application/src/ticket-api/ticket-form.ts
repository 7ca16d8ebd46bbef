/**
 * The form metadata `get_one` sends with a ticket. No HD Ticket Template or HD Form Script
 * DocType exists here: every ticket uses the installed "Default" template, which has no fields,
 * and there are no form scripts.
 */
export const DEFAULT_TICKET_TEMPLATE = 'Default';

/** `hd_ticket_template.api.get_one`: the Default template as installed; any other is unknown. */
export function ticketTemplate(name: string): Record<string, unknown> {
  if (name !== DEFAULT_TICKET_TEMPLATE) return { about: null, fields: [] };
  return { about: null, fields: [], description_template: null, _form_script: null };
}

const docField = (
  idx: number,
  fieldname: string,
  label: string,
  options: string,
  extra: Record<string, unknown> = {},
) => ({
  doctype: 'DocField',
  parent: 'HD Ticket',
  parentfield: 'fields',
  parenttype: 'DocType',
  idx,
  fieldname,
  label,
  fieldtype: 'Link',
  options,
  reqd: 0,
  hidden: 0,
  read_only: 0,
  in_list_view: 0,
  in_standard_filter: 0,
  link_filters: null,
  default: null,
  description: null,
  depends_on: null,
  mandatory_depends_on: null,
  ...extra,
});

/**
 * `get_one`'s `fields`: the DocField rows of the four fields the agent form always shows (as
 * hd_ticket.json declares them, `idx` being their place in its field order), followed by the
 * template's own fields, of which Default has none.
 */
export const TICKET_FORM_FIELDS: readonly Record<string, unknown>[] = [
  docField(5, 'priority', 'Priority', 'HD Ticket Priority', { in_list_view: 1 }),
  docField(8, 'ticket_type', 'Ticket Type', 'HD Ticket Type', {
    link_filters: '[["HD Ticket Type","disabled","=",0]]',
  }),
  docField(9, 'agent_group', 'Team', 'HD Team'),
  docField(46, 'customer', 'Customer', 'HD Customer', { in_standard_filter: 1 }),
];
