import { inTransaction, withConnection, type Sql } from '@helpdesk/shared-event-store';
import {
  workingCalendarOf,
  type SlaCalendarCopy,
  type TicketConversationChange,
} from '@helpdesk/metrics-application';
import {
  averageResponseTime,
  evolveConversation,
  type Conversation,
  type ConversationMessage,
} from '@helpdesk/metrics-domain';
import type { WorkingCalendar } from '@helpdesk/shared-working-time';
import type { DataSource } from 'typeorm';

interface ConversationRow {
  messages: Record<string, ConversationMessage>;
  moved_away: string[];
  sla: string | null;
  sla_version: number;
  deleted: boolean;
  avg_response_time: number | null;
  revision: number;
  sent_revision: number;
}

/**
 * The metrics' copy of each ticket's conversation in Postgres. A change is applied under the
 * row's lock; the figures are computed again from the whole copy, and the revision moves only
 * when they differ, so applying an event twice, or events in another order, ends the same.
 */
export class TicketConversations {
  constructor(
    private readonly dataSource: DataSource,
    private readonly siteTimeZone: string,
  ) {}

  /** Applies one event's change; whether figures are owed to ticket-service afterwards. */
  apply(change: TicketConversationChange): Promise<boolean> {
    return inTransaction(this.dataSource, async (sql) => {
      await sql.query(
        `INSERT INTO metrics.ticket_conversation (ticket) VALUES ($1) ON CONFLICT DO NOTHING`,
        [change.ticket],
      );
      // The row exists: it was inserted just above if it was missing.
      const row = (await this.locked(sql, change.ticket))!;
      if (row.deleted) return false;
      if (change.deleted) {
        await sql.query(`UPDATE metrics.ticket_conversation SET deleted = true WHERE ticket = $1`, [
          change.ticket,
        ]);
        return false;
      }
      const conversation = change.facts.reduce(evolveConversation, conversationOf(row));
      const sla =
        change.sla && change.sla.version > row.sla_version
          ? change.sla
          : { name: row.sla, version: row.sla_version };
      return this.save(sql, change.ticket, row, conversation, sla);
    });
  }

  /** Computes a ticket's figures again (its SLA's calendar changed); whether any are owed. */
  recompute(ticket: number): Promise<boolean> {
    return inTransaction(this.dataSource, async (sql) => {
      const row = await this.locked(sql, ticket);
      if (!row || row.deleted) return false;
      const sla = { name: row.sla, version: row.sla_version };
      return this.save(sql, ticket, row, conversationOf(row), sla);
    });
  }

  /** Tickets on the given SLAs, in ticket order after `after`, for recomputation in batches. */
  async onAgreements(slas: readonly string[], after: number, limit: number): Promise<number[]> {
    const { rows } = await withConnection(this.dataSource, (sql) =>
      sql.query<{ ticket: string }>(
        `SELECT ticket FROM metrics.ticket_conversation
          WHERE sla = ANY($1) AND NOT deleted AND ticket > $2 ORDER BY ticket LIMIT $3`,
        [slas, after, limit],
      ),
    );
    return rows.map((row) => Number(row.ticket));
  }

  private async save(
    sql: Sql,
    ticket: number,
    row: ConversationRow,
    conversation: Conversation,
    sla: { name: string | null; version: number },
  ): Promise<boolean> {
    const calendar = sla.name ? await this.calendarOf(sql, sla.name) : null;
    const average = averageResponseTime(conversation, calendar);
    const changed = average !== row.avg_response_time;
    await sql.query(
      `UPDATE metrics.ticket_conversation
          SET messages = $2, moved_away = $3, sla = $4, sla_version = $5,
              avg_response_time = $6, revision = revision + $7::int,
              computed_at = CASE WHEN $7::int = 1 THEN clock_timestamp() ELSE computed_at END
        WHERE ticket = $1`,
      [
        ticket,
        JSON.stringify(conversation.messages),
        JSON.stringify(conversation.movedAway),
        sla.name,
        sla.version,
        average,
        changed ? 1 : 0,
      ],
    );
    return row.revision + (changed ? 1 : 0) > row.sent_revision;
  }

  private async locked(sql: Sql, ticket: number): Promise<ConversationRow | undefined> {
    const { rows } = await sql.query<ConversationRow>(
      `SELECT messages, moved_away, sla, sla_version, deleted, avg_response_time, revision,
              sent_revision
         FROM metrics.ticket_conversation WHERE ticket = $1 FOR UPDATE`,
      [ticket],
    );
    return rows[0];
  }

  private async calendarOf(sql: Sql, sla: string): Promise<WorkingCalendar | null> {
    const { rows } = await sql.query<{
      time_zone: string | null;
      working_hours: SlaCalendarCopy['workingHours'];
      holiday_list: string | null;
      dates: string[] | null;
    }>(
      `SELECT c.time_zone, c.working_hours, c.holiday_list, h.dates
         FROM metrics.sla_calendar c
         LEFT JOIN metrics.holiday_list h ON h.name = c.holiday_list AND NOT h.deleted
        WHERE c.name = $1 AND NOT c.deleted`,
      [sla],
    );
    const row = rows[0];
    if (!row) return null;
    const copy = {
      timeZone: row.time_zone,
      workingHours: row.working_hours,
      holidayList: row.holiday_list,
    };
    return workingCalendarOf(copy, row.dates ?? [], this.siteTimeZone);
  }
}

function conversationOf(row: ConversationRow): Conversation {
  return { messages: row.messages, movedAway: row.moved_away };
}
