import type { Sql } from '@helpdesk/shared-event-store';
import type { AutoCloseSettings } from '@helpdesk/ticket-domain';

/** A ticket as auto-close schedules it, with the due time of the job it has now (if any). */
export interface ScheduledTicket {
  ticket: number;
  /** Null when the ticket is gone. */
  status: string | null;
  lastCommunicationAt: Date | null;
  timerAt: Date | null;
}

/** The latest Communication on the ticket `t`, read from the read model. */
const LAST_COMMUNICATION = `(SELECT max(c.communication_date) FROM ticket.communication c
    WHERE c.reference_doctype = 'HD Ticket' AND c.reference_name = t.name::text)`;

interface Row {
  ticket: string;
  status: string | null;
  last_communication: Date | null;
  timer_at: Date | null;
}

const scheduled = (row: Row): ScheduledTicket => ({
  ticket: Number(row.ticket),
  status: row.status,
  lastCommunicationAt: row.last_communication,
  timerAt: row.timer_at,
});

/** One ticket, also when it is gone (then only its timer, if one is left). */
export async function scheduledTicket(sql: Sql, ticket: number): Promise<ScheduledTicket> {
  const { rows } = await sql.query<Row>(
    `SELECT k.ticket, t.status, ${LAST_COMMUNICATION} AS last_communication, a.due_at AS timer_at
       FROM (SELECT $1::bigint AS ticket) k
       LEFT JOIN ticket.hd_ticket t ON t.name = k.ticket
       LEFT JOIN ticket.auto_close_timer a ON a.ticket = k.ticket`,
    [ticket],
  );
  return scheduled(
    rows[0] ?? { ticket: String(ticket), status: null, last_communication: null, timer_at: null },
  );
}

/**
 * The next `limit` tickets after `after` that auto-close applies to as things stand: in the
 * auto-close status, with at least one Communication. None while the rule is off.
 */
export async function candidatesAfter(
  sql: Sql,
  settings: AutoCloseSettings,
  after: number,
  limit: number,
): Promise<ScheduledTicket[]> {
  if (!settings.enabled) return [];
  const { rows } = await sql.query<Row>(
    `SELECT t.name AS ticket, t.status, last.at AS last_communication, a.due_at AS timer_at
       FROM ticket.hd_ticket t
       CROSS JOIN LATERAL (SELECT ${LAST_COMMUNICATION} AS at) last
       LEFT JOIN ticket.auto_close_timer a ON a.ticket = t.name
      WHERE t.status = $1 AND t.name > $2 AND last.at IS NOT NULL
      ORDER BY t.name
      LIMIT $3`,
    [settings.status, after, limit],
  );
  return rows.map(scheduled);
}

/**
 * The next `limit` timers after `after` whose ticket auto-close no longer applies to: gone, in
 * another status, without Communications, or every one of them while the rule is off.
 */
export async function staleTimersAfter(
  sql: Sql,
  settings: AutoCloseSettings,
  after: number,
  limit: number,
): Promise<ScheduledTicket[]> {
  const { rows } = await sql.query<Row>(
    `SELECT a.ticket, t.status, NULL::timestamptz AS last_communication, a.due_at AS timer_at
       FROM ticket.auto_close_timer a
       LEFT JOIN ticket.hd_ticket t ON t.name = a.ticket
      WHERE a.ticket > $1
        AND (NOT $2::boolean OR t.name IS NULL OR t.status <> $3 OR ${LAST_COMMUNICATION} IS NULL)
      ORDER BY a.ticket
      LIMIT $4`,
    [after, settings.enabled, settings.status, limit],
  );
  return rows.map(scheduled);
}
