import type pg from 'pg';

/** Which dashboard, and over whose tickets: everyone's or one team's. */
export interface DashboardQuery {
  type: 'number_card' | 'trend' | 'master';
  team: string | null;
}

/** The window Frappe defaults to: the 30 days before today and today, in the site's zone. */
export interface DashboardDates {
  from: string;
  to: string;
  /** The previous window, as long, ending the day before `from`. */
  previousFrom: string;
  timeZone: string;
}

// Frappe's dashboard SQL (helpdesk/api/dashboard.py) on ticket-service's read model: one
// statement per card or chart, in the same order, with the site's calendar days. Every statement
// takes the same parameters ($1 from, $2 to, $3 previous from, $4 time zone, $5 team or null);
// one that has no use for $3 names it in a no-op condition, so Postgres knows its type.
const DAY = (column: string) => `(${column} AT TIME ZONE $4)::date`;
const AT = (date: string) => `(${date}::date)::timestamp AT TIME ZONE $4`;
const CURRENT = `creation >= ${AT('$1')} AND creation < ${AT('$2')} + interval '1 day'`;
const PREVIOUS = `creation >= ${AT('$3')} AND creation < ${AT('$1')}`;
const SCOPE = `($5::text IS NULL OR agent_group = $5::text)`;
const BOTH = `creation >= ${AT('$3')} AND creation < ${AT('$2')} + interval '1 day' AND ${SCOPE}`;

const NUMBER_CARDS = [
  `SELECT count(*) FILTER (WHERE ${CURRENT}), count(*) FILTER (WHERE ${PREVIOUS})
     FROM ticket.hd_ticket WHERE ${BOTH}`,
  `SELECT count(*) FILTER (WHERE ${CURRENT} AND agreement_status = 'Fulfilled'),
          count(*) FILTER (WHERE ${PREVIOUS} AND agreement_status = 'Fulfilled')
     FROM ticket.hd_ticket WHERE ${BOTH}`,
  `SELECT count(*) FILTER (WHERE ${CURRENT} AND status_category = 'Resolved'),
          count(*) FILTER (WHERE ${PREVIOUS} AND status_category = 'Resolved')
     FROM ticket.hd_ticket WHERE ${BOTH}`,
  `SELECT avg(first_response_time / 3600) FILTER (WHERE ${CURRENT} AND first_responded_on IS NOT NULL),
          avg(first_response_time / 3600) FILTER (WHERE ${PREVIOUS} AND first_responded_on IS NOT NULL)
     FROM ticket.hd_ticket WHERE ${BOTH}`,
  `SELECT avg(ceil(resolution_time / 86400)) FILTER (WHERE ${CURRENT} AND status_category = 'Resolved'),
          avg(ceil(resolution_time / 86400)) FILTER (WHERE ${PREVIOUS} AND status_category = 'Resolved')
     FROM ticket.hd_ticket WHERE ${BOTH}`,
  `SELECT avg(feedback_rating) FILTER (WHERE resolution_date >= ${AT('$1')} AND resolution_date < ${AT('$2')} + interval '1 day'),
          avg(feedback_rating) FILTER (WHERE resolution_date >= ${AT('$3')} AND resolution_date < ${AT('$1')})
     FROM ticket.hd_ticket
    WHERE feedback_rating > 0 AND resolution_date >= ${AT('$3')}
      AND resolution_date < ${AT('$2')} + interval '1 day' AND ${SCOPE}`,
];

const TREND = `creation > ${AT('$1')} AND creation < ${AT('$2')} + interval '1 day' AND ${SCOPE}`;
const RESOLVED_TREND = `resolution_date > ${AT('$1')} AND resolution_date < ${AT('$2')} + interval '1 day' AND ${SCOPE}`;
const TRENDS = [
  `SELECT ${DAY('creation')} AS date,
          count(*) FILTER (WHERE status_category = 'Open') AS open,
          count(*) FILTER (WHERE status_category = 'Resolved') AS closed,
          count(*) FILTER (WHERE agreement_status = 'Fulfilled') AS sla_fulfilled
     FROM ticket.hd_ticket WHERE ${TREND} AND $3::date IS NOT NULL
    GROUP BY 1 ORDER BY 1`,
  `SELECT count(*) FROM ticket.hd_ticket WHERE ${TREND} AND $3::date IS NOT NULL`,
  `SELECT ${DAY('resolution_date')} AS date,
          avg(feedback_rating) FILTER (WHERE feedback_rating > 0) * 5 AS rating,
          count(*) FILTER (WHERE feedback_rating > 0) AS rated_tickets
     FROM ticket.hd_ticket WHERE ${RESOLVED_TREND} AND $3::date IS NOT NULL
    GROUP BY 1 ORDER BY 1`,
  `SELECT avg(feedback_rating) * 5 FROM ticket.hd_ticket
    WHERE ${RESOLVED_TREND} AND feedback_rating > 0 AND $3::date IS NOT NULL`,
];

const MASTER_WINDOW = `${DAY('creation')} BETWEEN $1::date AND $2::date AND ${SCOPE} AND $3::date IS NOT NULL`;
const MASTER = ['agent_group', 'ticket_type', 'priority', 'via_customer_portal'].map(
  (column) =>
    `SELECT ${column} AS value, count(*) AS count FROM ticket.hd_ticket
      WHERE creation >= ${AT('$1')} - interval '1 day' AND creation < ${AT('$2')} + interval '2 day'
        AND ${MASTER_WINDOW}
      GROUP BY 1 ORDER BY 2 DESC`,
);

const STATEMENTS: Record<DashboardQuery['type'], string[]> = {
  number_card: NUMBER_CARDS,
  trend: TRENDS,
  master: MASTER,
};

/** Every statement Frappe runs for one dashboard, one after another on one connection. */
export async function dashboardInPostgres(
  pool: pg.Pool,
  query: DashboardQuery,
  dates: DashboardDates,
): Promise<number> {
  const values = [dates.from, dates.to, dates.previousFrom, dates.timeZone, query.team];
  const client = await pool.connect();
  try {
    let rows = 0;
    for (const statement of STATEMENTS[query.type]) {
      rows += (await client.query(statement, values)).rowCount ?? 0;
    }
    return rows;
  } finally {
    client.release();
  }
}

/** Tickets created in an inclusive range of site-local days (every team), to check the API's. */
export async function ticketsCreatedInPostgres(
  pool: pg.Pool,
  from: string,
  to: string,
  timeZone: string,
): Promise<number> {
  const { rows } = await pool.query<{ count: string }>(
    `SELECT count(*) AS count FROM ticket.hd_ticket
      WHERE creation >= ($1::date)::timestamp AT TIME ZONE $3
        AND creation < ($2::date + 1)::timestamp AT TIME ZONE $3`,
    [from, to, timeZone],
  );
  return Number(rows[0]?.count ?? 0);
}
