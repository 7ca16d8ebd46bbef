import { formatFrappeDate } from '@helpdesk/shared-frappe-api';
import type { FieldMeta } from '@helpdesk/shared-frappe-query';
import type { TicketDocumentChange } from '@helpdesk/ticket-domain';
import { HD_TICKET_META } from './doctype-meta/hd-ticket.meta.js';

/** The `hd_ticket` columns a projection writes: every stored field the HD Ticket meta declares. */
export const TICKET_COLUMNS = new Map<string, FieldMeta>(
  HD_TICKET_META.fields.filter((f) => f.constant === undefined).map((f) => [f.fieldname, f]),
);

/** A field value as bound for its column; an empty Check is false, as the column's default. */
export function columnValue(field: FieldMeta, value: unknown): unknown {
  if (value === null || value === undefined) return field.fieldtype === 'Check' ? false : null;
  if (field.fieldtype === 'Check') return value === true || value === 1 || value === '1';
  if (field.fieldtype === 'JSON') return JSON.stringify(value);
  return value;
}

/** The fields of a change that are `hd_ticket` columns; anything else is not stored. */
export function columnEntries(change: TicketDocumentChange): [string, unknown][] {
  return Object.entries(change.fields).filter(([field]) => TICKET_COLUMNS.has(field));
}

/** A new ticket's columns; `opening_date` defaults to the creation day in the site's zone. */
export function openedTicketColumns(
  change: TicketDocumentChange,
  timeZone: string,
): Map<string, unknown> {
  const fields = new Map(columnEntries(change));
  if (!fields.has('opening_date')) {
    fields.set(
      'opening_date',
      formatFrappeDate(new Date(String(fields.get('creation'))), timeZone),
    );
  }
  return fields;
}
