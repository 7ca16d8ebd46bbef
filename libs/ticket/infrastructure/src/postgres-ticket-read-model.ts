import type { RecordedEvent, Sql } from '@helpdesk/shared-event-store';
import { isAgent, type RequestContext, type TicketReadModel } from '@helpdesk/ticket-application';
import type { HdTicketDocument } from '@helpdesk/ticket-contracts';
import {
  documentChange,
  foldOpenedTickets,
  insertFoldedTickets,
} from './bulk-ticket-projection.js';
import { HD_TICKET_META } from './doctype-meta/hd-ticket.meta.js';
import { FrappeListQueries, type RowFilter } from './frappe-list-queries.js';
import {
  columnEntries,
  columnValue,
  openedTicketColumns,
  TICKET_COLUMNS,
} from './ticket-columns.js';
import {
  COUNTED_COLUMNS,
  lockCountedValues,
  TicketCountChanges,
  touchesCountedField,
  type CountedValues,
} from './ticket-counts.js';
import { ticketCountsShortcut } from './ticket-counts-shortcut.js';
import { projectSideTables } from './ticket-side-projections.js';

/**
 * `ticket.hd_ticket`, projected from ticket events in the append's transaction and read back as
 * Frappe documents. Only fields the HD Ticket meta declares are ever written.
 */
export class PostgresTicketReadModel implements TicketReadModel {
  readonly queries: FrappeListQueries;

  constructor(private readonly timeZone: string) {
    this.queries = new FrappeListQueries(HD_TICKET_META, timeZone, ticketCountsShortcut);
  }

  async nextName(sql: Sql): Promise<number> {
    const { rows } = await sql.query<{ name: string }>(
      `SELECT nextval('ticket.hd_ticket_name_seq')::text AS name`,
    );
    return Number(rows[0]?.name);
  }

  /** `count` names at once, for bulk loads. */
  async nextNames(sql: Sql, count: number): Promise<number[]> {
    const { rows } = await sql.query<{ name: string }>(
      `SELECT nextval('ticket.hd_ticket_name_seq')::text AS name FROM generate_series(1, $1)`,
      [count],
    );
    return rows.map((row) => Number(row.name));
  }

  async project(sql: Sql, events: RecordedEvent[]): Promise<void> {
    const counts = new TicketCountChanges();
    for (const event of events) {
      await this.apply(sql, event, counts);
      await projectSideTables(sql, event);
    }
    await counts.save(sql);
  }

  /**
   * `project` for long runs of events (bulk loads, rebuilds), with the same result: tickets opened
   * in the run are folded in memory and inserted by one statement; other events apply one by one.
   */
  async projectBatch(sql: Sql, events: RecordedEvent[]): Promise<void> {
    const counts = new TicketCountChanges();
    const { folded, leftOver } = foldOpenedTickets(events, this.timeZone);
    const existing = await insertFoldedTickets(sql, folded, counts);
    for (const event of [...leftOver, ...existing]) await this.apply(sql, event, counts);
    await counts.save(sql);
    for (const event of events) await projectSideTables(sql, event);
  }

  async findDocument(
    sql: Sql,
    name: number,
    viewer?: RequestContext,
  ): Promise<HdTicketDocument | undefined> {
    const rowFilter = viewer ? ticketVisibility(viewer) : undefined;
    return (await this.queries.document(sql, name, rowFilter)) as HdTicketDocument | undefined;
  }

  list(sql: Sql, params: Record<string, unknown>, viewer: RequestContext): Promise<unknown[]> {
    return this.queries.list(sql, params, ticketVisibility(viewer));
  }

  count(sql: Sql, params: Record<string, unknown>, viewer: RequestContext): Promise<number> {
    return this.queries.count(sql, params, ticketVisibility(viewer));
  }

  private async apply(
    sql: Sql,
    recorded: RecordedEvent,
    counts: TicketCountChanges,
  ): Promise<void> {
    const change = documentChange(recorded);
    const entries = columnEntries(change);
    switch (change.op) {
      case 'insert': {
        const fields = openedTicketColumns(change, this.timeZone);
        const columns = [...fields.keys()];
        const values = columns.map((c) => columnValue(TICKET_COLUMNS.get(c)!, fields.get(c)));
        const { rows } = await sql.query<CountedValues>(
          `INSERT INTO ticket.hd_ticket (stream_version, ${columns.join(', ')})
           VALUES ($1, ${columns.map((_, i) => `$${i + 2}`).join(', ')})
           ON CONFLICT (name) DO NOTHING
           RETURNING ${COUNTED_COLUMNS}`,
          [recorded.streamVersion, ...values],
        );
        counts.added(change.name, rows[0]);
        return;
      }
      case 'update': {
        const before = touchesCountedField(change.fields)
          ? await lockCountedValues(sql, change.name, recorded.streamVersion)
          : undefined;
        const sets = entries.map(([field], i) => `${field} = $${i + 3}`);
        const { rows } = await sql.query<CountedValues>(
          `UPDATE ticket.hd_ticket SET stream_version = $2${sets.map((s) => `, ${s}`).join('')}
           WHERE name = $1 AND stream_version < $2
           RETURNING ${COUNTED_COLUMNS}`,
          [
            change.name,
            recorded.streamVersion,
            ...entries.map(([field, value]) => columnValue(TICKET_COLUMNS.get(field)!, value)),
          ],
        );
        counts.moved(change.name, before, rows[0]);
        return;
      }
      case 'delete': {
        const { rows } = await sql.query<CountedValues>(
          `DELETE FROM ticket.hd_ticket WHERE name = $1 RETURNING ${COUNTED_COLUMNS}`,
          [change.name],
        );
        counts.removed(change.name, rows[0]);
        return;
      }
      case 'none':
        await sql.query(
          `UPDATE ticket.hd_ticket SET stream_version = $2 WHERE name = $1 AND stream_version < $2`,
          [change.name, recorded.streamVersion],
        );
        return;
    }
  }
}

/**
 * SQL that is true when the HD Settings check `field` is on. `field` is always a literal of this
 * package, never input. Shared with the audience query so both read the settings alike.
 */
export const SETTING = (field: string) =>
  `EXISTS (SELECT 1 FROM ticket.hd_settings s WHERE s.name = 'HD Settings' AND (s.settings->>'${field}')::int = 1)`;

/**
 * The ticket's customer is one the viewer manages: a manager member (HD Customer Member.is_manager)
 * whose Contact is the viewer's user (Helpdesk's `get_customers`). Plain members do not count.
 * `= ANY(ARRAY(…))` rather than `IN (…)`: the list is computed once, and the planner can then look
 * it up in the customer index and OR it with the owner/contact/raised_by indexes, so a customer's
 * rows are found through indexes instead of by filtering every ticket (or every search match).
 */
const MANAGED_CUSTOMER = `hd_ticket.customer = ANY(ARRAY(SELECT m.customer
    FROM ticket.people_customer_member m JOIN ticket.people_contact c ON c.name = m.contact
   WHERE c.user_id = $1 AND m.is_manager))`;

/**
 * Frappe Helpdesk's `permission_query` for HD Ticket (frappe-api §1.1.6). Administrator sees all.
 * Other agents see all unless HD Settings restricts tickets by team; then they see tickets they own,
 * raised, are the contact of or are assigned to, tickets of their enabled teams (every ticket when
 * one of those teams ignores restrictions) and, if so configured, tickets without a team. Anyone
 * else sees the tickets they own, raised or are the contact of, and every ticket of the customers
 * they manage. Teams, contacts and memberships come from agent-service's published events.
 */
export function ticketVisibility(viewer: RequestContext): RowFilter | undefined {
  if (viewer.user === 'Administrator') return undefined;
  const own = 'owner = $1 OR contact = $1 OR raised_by = $1';
  if (!isAgent(viewer)) return { text: `(${own} OR ${MANAGED_CUSTOMER})`, values: [viewer.user] };
  return {
    text: `(NOT ${SETTING('restrict_tickets_by_agent_group')} OR ${own}
      OR _assign @> jsonb_build_array($1::text)
      OR (COALESCE(agent_group, '') = '' AND ${SETTING('do_not_restrict_tickets_without_an_agent_group')})
      OR EXISTS (SELECT 1 FROM ticket.people_team_member m
                   JOIN ticket.people_team t ON t.name = m.team AND NOT t.disabled
                  WHERE m.user_id = $1 AND (t.ignore_restrictions OR t.name = agent_group)))`,
    values: [viewer.user],
  };
}

/**
 * SQL that is true when `ticketVisibility(viewer)` keeps every ticket: for Administrator, and for
 * other agents while HD Settings does not restrict tickets by team. Lets whole-table figures come
 * from counts instead of from filtering every row.
 */
export function seesEveryTicket(viewer: RequestContext): string {
  if (viewer.user === 'Administrator') return 'true';
  if (!isAgent(viewer)) return 'false';
  return `NOT ${SETTING('restrict_tickets_by_agent_group')}`;
}
