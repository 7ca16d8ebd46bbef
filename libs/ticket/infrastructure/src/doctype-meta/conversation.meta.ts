import type { DocTypeMeta } from '@helpdesk/shared-frappe-query';
import { STANDARD_FIELDS } from './standard-fields.meta.js';

/** Frappe's Communication, for the replies on HD Tickets (frappe-api §1.9). */
export const COMMUNICATION_META: DocTypeMeta = {
  doctype: 'Communication',
  table: 'ticket.communication',
  nameType: 'text',
  defaultOrder: 'creation desc',
  fields: [
    ...STANDARD_FIELDS,
    { fieldname: 'subject', fieldtype: 'Small Text' },
    { fieldname: 'content', fieldtype: 'Text Editor' },
    { fieldname: 'sender', fieldtype: 'Data', options: 'Email' },
    { fieldname: 'recipients', fieldtype: 'Small Text' },
    { fieldname: 'cc', fieldtype: 'Small Text' },
    { fieldname: 'bcc', fieldtype: 'Small Text' },
    { fieldname: 'communication_type', fieldtype: 'Select' },
    { fieldname: 'communication_medium', fieldtype: 'Select' },
    { fieldname: 'sent_or_received', fieldtype: 'Select' },
    { fieldname: 'email_status', fieldtype: 'Select' },
    { fieldname: 'status', fieldtype: 'Select' },
    { fieldname: 'email_account', fieldtype: 'Link', options: 'Email Account' },
    { fieldname: 'in_reply_to', fieldtype: 'Link', options: 'Communication' },
    { fieldname: 'message_id', fieldtype: 'Small Text' },
    { fieldname: 'communication_date', fieldtype: 'Datetime' },
    { fieldname: 'delivery_status', fieldtype: 'Select' },
    { fieldname: 'user', fieldtype: 'Link', options: 'User' },
    { fieldname: 'reference_doctype', fieldtype: 'Link', options: 'DocType' },
    { fieldname: 'reference_name', fieldtype: 'Data' },
  ],
};

/** HD Ticket Comment: internal notes, agents only (frappe-api §1.8). */
export const HD_TICKET_COMMENT_META: DocTypeMeta = {
  doctype: 'HD Ticket Comment',
  table: 'ticket.hd_ticket_comment',
  nameType: 'text',
  defaultOrder: 'creation desc',
  fields: [
    ...STANDARD_FIELDS,
    { fieldname: 'reference_ticket', fieldtype: 'Link', options: 'HD Ticket' },
    { fieldname: 'commented_by', fieldtype: 'Link', options: 'User' },
    { fieldname: 'content', fieldtype: 'Text Editor' },
    { fieldname: 'is_pinned', fieldtype: 'Check' },
  ],
};
