import { withConnection, type Sql } from '@helpdesk/shared-event-store';
import type { DashboardReads, DashboardScope, TrendRange } from '@helpdesk/metrics-application';
import type {
  Breakdowns,
  CreationFigures,
  DashboardWindow,
  DateRange,
  FeedbackDay,
  FeedbackFigures,
  TrendDay,
} from '@helpdesk/metrics-domain';
import type { DataSource } from 'typeorm';

type Numbers = Record<string, string | number | null>;

const num = (value: string | number | null | undefined) => Number(value ?? 0);

/** The rollup rows of a scope: every team or one, anyone's tickets or one agent's. */
function scopeKey(scope: DashboardScope): [boolean, string, string] {
  return [scope.team !== null, scope.team ?? '', scope.agent ?? ''];
}

/** The same scope on the facts, for the few tickets the trends leave out by the instant. */
const FACTS_SCOPE = `($2::text IS NULL OR coalesce(team, '') = $2)
  AND ($3::text IS NULL OR assignees @> ARRAY[$3::text])`;

/**
 * The dashboards' reads: index ranges over the daily rollups (a window of days, one row per day
 * or per day and breakdown value), never the tickets themselves.
 */
export class PostgresDashboardReads implements DashboardReads {
  constructor(private readonly dataSource: DataSource) {}

  numberCardFigures(scope: DashboardScope, window: DashboardWindow) {
    const { current: c, previous: p } = window;
    return withConnection(this.dataSource, async (sql) => {
      const creation = await sql.query<Numbers>(
        `SELECT ${['current', 'previous']
          .flatMap((w, i) =>
            CREATION_SUMS.map(
              ([column]) =>
                `sum(${column}) FILTER (WHERE day BETWEEN $${4 + 2 * i} AND $${5 + 2 * i}) AS ${w}_${column}`,
            ),
          )
          .join(', ')}
           FROM metrics.ticket_day_rollup
          WHERE by_team = $1 AND team = $2 AND assignee = $3 AND facet = '' AND value = ''
            AND day BETWEEN least($4::date, $6::date) AND greatest($5::date, $7::date)`,
        [...scopeKey(scope), c.from, c.to, p.from, p.to],
      );
      const feedback = await sql.query<Numbers>(
        `SELECT sum(rated) FILTER (WHERE day BETWEEN $4 AND $5) AS current_rated,
                sum(rating_sum) FILTER (WHERE day BETWEEN $4 AND $5) AS current_rating_sum,
                sum(rated) FILTER (WHERE day BETWEEN $6 AND $7) AS previous_rated,
                sum(rating_sum) FILTER (WHERE day BETWEEN $6 AND $7) AS previous_rating_sum
           FROM metrics.feedback_day_rollup
          WHERE by_team = $1 AND team = $2 AND assignee = $3
            AND day BETWEEN least($4::date, $6::date) AND greatest($5::date, $7::date)`,
        [...scopeKey(scope), c.from, c.to, p.from, p.to],
      );
      const row = creation.rows[0] ?? {};
      const rated = feedback.rows[0] ?? {};
      const feedbackOf = (w: string): FeedbackFigures => ({
        rated: num(rated[`${w}_rated`]),
        ratingSum: num(rated[`${w}_rating_sum`]),
      });
      return {
        creation: { current: creationOf(row, 'current_'), previous: creationOf(row, 'previous_') },
        feedback: { current: feedbackOf('current'), previous: feedbackOf('previous') },
      };
    });
  }

  trendFigures(scope: DashboardScope, range: TrendRange) {
    return withConnection(this.dataSource, async (sql) => {
      const params = [...scopeKey(scope), range.from, range.to];
      const tickets = await sql.query<Numbers & { date: string }>(
        `SELECT day::text AS date, created, open_count, resolved, fulfilled
           FROM metrics.ticket_day_rollup
          WHERE by_team = $1 AND team = $2 AND assignee = $3 AND facet = '' AND value = ''
            AND day BETWEEN $4 AND $5
          ORDER BY day`,
        params,
      );
      const feedback = await sql.query<Numbers & { date: string }>(
        `SELECT day::text AS date, resolved_on, rated, rating_sum
           FROM metrics.feedback_day_rollup
          WHERE by_team = $1 AND team = $2 AND assignee = $3 AND day BETWEEN $4 AND $5
          ORDER BY day`,
        params,
      );
      const edge = await this.atFirstInstant(sql, scope, range);
      const trend: TrendDay[] = tickets.rows.map((row) => ({
        date: row.date,
        created: num(row.created),
        open: num(row.open_count),
        resolved: num(row.resolved),
        fulfilled: num(row.fulfilled),
      }));
      const feedbackDays: FeedbackDay[] = feedback.rows.map((row) => ({
        date: row.date,
        resolved: num(row.resolved_on),
        rated: num(row.rated),
        ratingSum: num(row.rating_sum),
      }));
      const firstDay = trend.find((day) => day.date === range.from);
      if (firstDay) {
        firstDay.created -= edge.created;
        firstDay.open -= edge.open;
        firstDay.resolved -= edge.resolved;
        firstDay.fulfilled -= edge.fulfilled;
      }
      const firstFeedbackDay = feedbackDays.find((day) => day.date === range.from);
      if (firstFeedbackDay) {
        firstFeedbackDay.resolved -= edge.resolvedOn;
        firstFeedbackDay.rated -= edge.rated;
        firstFeedbackDay.ratingSum -= edge.ratingSum;
      }
      return { tickets: trend, feedback: feedbackDays };
    });
  }

  breakdowns(scope: DashboardScope, range: DateRange): Promise<Breakdowns> {
    return withConnection(this.dataSource, async (sql) => {
      const { rows } = await sql.query<{ facet: keyof Breakdowns; value: string; count: string }>(
        `SELECT facet, value, sum(created) AS count
           FROM metrics.ticket_day_rollup
          WHERE by_team = $1 AND team = $2 AND assignee = $3
            AND facet IN ('team', 'type', 'priority', 'channel') AND day BETWEEN $4 AND $5
          GROUP BY facet, value`,
        [...scopeKey(scope), range.from, range.to],
      );
      const breakdowns = {
        team: new Map<string, number>(),
        type: new Map<string, number>(),
        priority: new Map<string, number>(),
        channel: new Map<string, number>(),
      };
      for (const row of rows) breakdowns[row.facet].set(row.value, num(row.count));
      return breakdowns;
    });
  }

  /**
   * Tickets created (and resolved) at the window's very first instant, which Frappe's trends
   * leave out (`creation > from_date`); the facts' index finds them directly.
   */
  private async atFirstInstant(sql: Sql, scope: DashboardScope, range: TrendRange) {
    const params = [range.after, scope.team, scope.agent];
    const created = await sql.query<Numbers>(
      `SELECT count(*) AS created,
              count(*) FILTER (WHERE status_category = 'Open') AS open,
              count(*) FILTER (WHERE status_category = 'Resolved') AS resolved,
              count(*) FILTER (WHERE agreement_status = 'Fulfilled') AS fulfilled
         FROM metrics.dashboard_ticket
        WHERE creation = $1 AND NOT deleted AND ${FACTS_SCOPE}`,
      params,
    );
    const resolved = await sql.query<Numbers>(
      `SELECT count(*) AS resolved_on,
              count(*) FILTER (WHERE feedback_rating > 0) AS rated,
              coalesce(sum(round(feedback_rating * 100)) FILTER (WHERE feedback_rating > 0), 0) AS rating_sum
         FROM metrics.dashboard_ticket
        WHERE resolution_date = $1 AND creation IS NOT NULL AND NOT deleted AND ${FACTS_SCOPE}`,
      params,
    );
    const c = created.rows[0] ?? {};
    const r = resolved.rows[0] ?? {};
    return {
      created: num(c.created),
      open: num(c.open),
      resolved: num(c.resolved),
      fulfilled: num(c.fulfilled),
      resolvedOn: num(r.resolved_on),
      rated: num(r.rated),
      ratingSum: num(r.rating_sum),
    };
  }
}

const CREATION_SUMS: readonly [string, keyof CreationFigures][] = [
  ['created', 'created'],
  ['resolved', 'resolved'],
  ['fulfilled', 'fulfilled'],
  ['first_response_sum', 'firstResponseSum'],
  ['first_response_count', 'firstResponseCount'],
  ['resolution_days_sum', 'resolutionDaysSum'],
  ['resolution_days_count', 'resolutionDaysCount'],
];

function creationOf(row: Numbers, prefix: string): CreationFigures {
  const figures = {} as Record<keyof CreationFigures, number>;
  for (const [column, field] of CREATION_SUMS) figures[field] = num(row[`${prefix}${column}`]);
  return figures;
}
