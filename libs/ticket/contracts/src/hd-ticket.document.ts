/**
 * An HD Ticket as Frappe serialises it: every field of the DocType by its Frappe name, datetimes as
 * `YYYY-MM-DD HH:mm:ss.SSSSSS` in the site zone, Check fields as 0/1, `_assign` as a JSON string.
 */
export interface HdTicketDocument {
  doctype: 'HD Ticket';
  name: number;
  owner: string;
  creation: string;
  modified: string;
  modified_by: string;
  subject: string;
  status: string;
  status_category: string;
  [field: string]: unknown;
}
