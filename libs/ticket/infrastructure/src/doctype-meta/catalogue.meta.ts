import { textNamedMeta, type DocTypeMeta, type FieldMeta } from '@helpdesk/shared-frappe-query';
import type { CatalogueDoctype } from '@helpdesk/ticket-catalogue-domain';

const meta = (
  doctype: CatalogueDoctype,
  table: string,
  defaultOrder: string,
  fields: FieldMeta[],
) => textNamedMeta(doctype, table, defaultOrder, fields);

/** List and filter metadata of the ticket catalogues. */
export const CATALOGUE_META: Readonly<Record<CatalogueDoctype, DocTypeMeta>> = {
  'HD Ticket Status': meta('HD Ticket Status', 'ticket.hd_ticket_status', 'order asc', [
    { fieldname: 'label_agent', fieldtype: 'Data' },
    { fieldname: 'label_customer', fieldtype: 'Data' },
    { fieldname: 'different_view', fieldtype: 'Check' },
    { fieldname: 'category', fieldtype: 'Select' },
    { fieldname: 'color', fieldtype: 'Select' },
    { fieldname: 'order', fieldtype: 'Int', column: 'sort_order' },
    { fieldname: 'enabled', fieldtype: 'Check' },
  ]),
  'HD Ticket Priority': meta('HD Ticket Priority', 'ticket.hd_ticket_priority', 'modified desc', [
    { fieldname: 'description', fieldtype: 'Small Text' },
    { fieldname: 'level', fieldtype: 'Select' },
    { fieldname: 'disabled', fieldtype: 'Check' },
  ]),
  'HD Ticket Type': meta('HD Ticket Type', 'ticket.hd_ticket_type', 'modified desc', [
    { fieldname: 'description', fieldtype: 'Small Text' },
    { fieldname: 'priority', fieldtype: 'Link', options: 'HD Ticket Priority' },
    { fieldname: 'is_system', fieldtype: 'Check' },
    { fieldname: 'disabled', fieldtype: 'Check' },
  ]),
  'HD Ticket Feedback Option': meta(
    'HD Ticket Feedback Option',
    'ticket.hd_ticket_feedback_option',
    'modified desc',
    [
      { fieldname: 'label', fieldtype: 'Data' },
      { fieldname: 'rating', fieldtype: 'Rating' },
      { fieldname: 'disabled', fieldtype: 'Check' },
    ],
  ),
};
