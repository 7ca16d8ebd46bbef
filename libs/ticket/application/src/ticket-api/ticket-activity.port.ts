/** A row as Frappe renders it: datetimes in the site's zone, Checks as 0/1. */
export type ActivityRow = Record<string, unknown>;

/**
 * A ticket's conversation and logs, oldest or newest first as `get_one` lists them. Attachments
 * are the File names each message or note carries.
 */
export interface TicketActivityReader {
  /** Communications, oldest first, each with `attachments: string[]`. */
  communications(ticket: number): Promise<ActivityRow[]>;
  /** HD Ticket Comments, oldest first, each with `attachments: string[]`. */
  comments(ticket: number): Promise<ActivityRow[]>;
  /** HD Ticket Activity `{name, action, owner, creation}`, newest first. */
  history(ticket: number): Promise<ActivityRow[]>;
  /** View Log `{name, viewed_by, creation}`, newest first. */
  views(ticket: number): Promise<ActivityRow[]>;
}
