import type { RowFilter } from '../frappe-list-queries.js';

/**
 * The tickets `viewer` may read, as a subquery. The visibility condition names HD Ticket's columns
 * unqualified (and the table as `hd_ticket`), so it gets a scope where only that table is.
 */
export function visibleTickets(visibility: RowFilter | undefined): string {
  return `(SELECT * FROM ticket.hd_ticket${visibility ? ` WHERE ${visibility.text}` : ''})`;
}

/**
 * A note's or e-mail's ticket (a text Link column) joined to the ticket, stated both ways round so
 * the planner can walk either index: from a few visible tickets to their notes or e-mails (the
 * reference index, by text), or from a few matching notes or e-mails to their tickets (the
 * primary key, by bigint; NULL when the text is not a ticket name).
 */
export const sameTicket = (column: string) =>
  `${column} = t.name::text
   AND t.name = CASE WHEN ${column} ~ '^[0-9]{1,18}$' THEN ${column}::bigint END`;
