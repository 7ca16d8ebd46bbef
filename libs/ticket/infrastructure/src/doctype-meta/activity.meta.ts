import type { DocTypeMeta } from '@helpdesk/shared-frappe-query';

/** HD Ticket Activity (frappe-api §1.10), projected from the ticket streams. */
export const HD_TICKET_ACTIVITY_META: DocTypeMeta = {
  doctype: 'HD Ticket Activity',
  table: 'ticket.hd_ticket_activity',
  nameType: 'text',
  defaultOrder: 'creation desc',
  fields: [
    { fieldname: 'name', fieldtype: 'Data' },
    { fieldname: 'owner', fieldtype: 'Link', options: 'User' },
    { fieldname: 'creation', fieldtype: 'Datetime' },
    { fieldname: 'ticket', fieldtype: 'Link', options: 'HD Ticket' },
    { fieldname: 'action', fieldtype: 'Small Text' },
    /** Orders the lines one save wrote at the same instant. */
    { fieldname: 'stream_version', fieldtype: 'Int', hidden: true },
  ],
};

/** Frappe's View Log for HD Tickets: who opened a ticket, once per user. */
export const VIEW_LOG_META: DocTypeMeta = {
  doctype: 'View Log',
  table: 'ticket.view_log',
  nameType: 'text',
  defaultOrder: 'creation desc',
  fields: [
    { fieldname: 'name', fieldtype: 'Data' },
    { fieldname: 'creation', fieldtype: 'Datetime' },
    { fieldname: 'reference_doctype', fieldtype: 'Link', options: 'DocType' },
    { fieldname: 'reference_name', fieldtype: 'Data' },
    { fieldname: 'viewed_by', fieldtype: 'Link', options: 'User' },
  ],
};
