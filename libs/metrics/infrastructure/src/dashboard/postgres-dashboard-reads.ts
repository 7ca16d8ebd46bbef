import { withConnection } from '@helpdesk/shared-event-store';
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
const FACTS_SCOPE = `($7::text IS NULL OR coalesce(team, '') = $7)
  AND ($8::text IS NULL OR assignees @> ARRAY[$8::text])`;

/**
 * The dashboards' reads: index ranges over the daily rollups (a window of days, one row per day
 * or per day and breakdown value), never the tickets themselves.
 */
export class PostgresDashboardReads implements DashboardReads {
  constructor(private readonly dataSource: DataSource) {}

  /** One statement: both windows of the creation rollup and of the feedback rollup. */
  numberCardFigures(scope: DashboardScope, window: DashboardWindow) {
    const { current: c, previous: p } = window;
    const windows = ['current', 'previous'].map((name, i) => ({
      name,
      within: `day BETWEEN $${4 + 2 * i} AND $${5 + 2 * i}`,
    }));
    return withConnection(this.dataSource, async (sql) => {
      const { rows } = await sql.query<Numbers>(
        `SELECT * FROM
           (SELECT ${windows
             .flatMap(({ name, within }) =>
               CREATION_SUMS.map(
                 ([column]) => `sum(${column}) FILTER (WHERE ${within}) AS ${name}_${column}`,
               ),
             )
             .join(', ')}
              FROM metrics.ticket_day_rollup
             WHERE by_team = $1 AND team = $2 AND assignee = $3 AND facet = '' AND value = ''
               AND day BETWEEN least($4::date, $6::date) AND greatest($5::date, $7::date)) c
         CROSS JOIN
           (SELECT ${windows
             .flatMap(({ name, within }) => [
               `sum(rated) FILTER (WHERE ${within}) AS ${name}_rated`,
               `sum(rating_sum) FILTER (WHERE ${within}) AS ${name}_rating_sum`,
             ])
             .join(', ')}
              FROM metrics.feedback_day_rollup
             WHERE by_team = $1 AND team = $2 AND assignee = $3
               AND day BETWEEN least($4::date, $6::date) AND greatest($5::date, $7::date)) f`,
        [...scopeKey(scope), c.from, c.to, p.from, p.to],
      );
      const row = rows[0] ?? {};
      const feedbackOf = (w: string): FeedbackFigures => ({
        rated: num(row[`${w}_rated`]),
        ratingSum: num(row[`${w}_rating_sum`]),
      });
      return {
        creation: { current: creationOf(row, 'current_'), previous: creationOf(row, 'previous_') },
        feedback: { current: feedbackOf('current'), previous: feedbackOf('previous') },
      };
    });
  }

  /**
   * One statement: the days of both rollups, less the tickets created (or resolved) at the
   * window's very first instant, which Frappe's trends leave out (`creation > from_date`); the
   * facts' indexes find those directly.
   */
  trendFigures(scope: DashboardScope, range: TrendRange) {
    return withConnection(this.dataSource, async (sql) => {
      const { rows } = await sql.query<{
        tickets: TrendDay[];
        feedback: FeedbackDay[];
        created_edge: Omit<TrendDay, 'date'>;
        resolved_edge: Omit<FeedbackDay, 'date'>;
      }>(
        `SELECT
           (SELECT coalesce(json_agg(json_build_object('date', day::text, 'created', created,
                     'open', open_count, 'resolved', resolved, 'fulfilled', fulfilled) ORDER BY day), '[]')
              FROM metrics.ticket_day_rollup
             WHERE by_team = $1 AND team = $2 AND assignee = $3 AND facet = '' AND value = ''
               AND day BETWEEN $4 AND $5) AS tickets,
           (SELECT coalesce(json_agg(json_build_object('date', day::text, 'resolved', resolved_on,
                     'rated', rated, 'ratingSum', rating_sum) ORDER BY day), '[]')
              FROM metrics.feedback_day_rollup
             WHERE by_team = $1 AND team = $2 AND assignee = $3 AND day BETWEEN $4 AND $5) AS feedback,
           (SELECT json_build_object('created', count(*),
                     'open', count(*) FILTER (WHERE status_category = 'Open'),
                     'resolved', count(*) FILTER (WHERE status_category = 'Resolved'),
                     'fulfilled', count(*) FILTER (WHERE agreement_status = 'Fulfilled'))
              FROM metrics.dashboard_ticket
             WHERE creation = $6 AND NOT deleted AND ${FACTS_SCOPE}) AS created_edge,
           (SELECT json_build_object('resolved', count(*),
                     'rated', count(*) FILTER (WHERE feedback_rating > 0),
                     'ratingSum', coalesce(sum(round(feedback_rating * 100))
                                    FILTER (WHERE feedback_rating > 0), 0))
              FROM metrics.dashboard_ticket
             WHERE resolution_date = $6 AND creation IS NOT NULL AND NOT deleted
               AND ${FACTS_SCOPE}) AS resolved_edge`,
        [...scopeKey(scope), range.from, range.to, range.after, scope.team, scope.agent],
      );
      const row = rows[0]!;
      return {
        tickets: less(row.tickets, range.from, row.created_edge),
        feedback: less(row.feedback, range.from, row.resolved_edge),
      };
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

/** The days, with the first one's figures less those of the tickets at its first instant. */
function less<D extends { date: string }>(days: D[], first: string, edge: Omit<D, 'date'>): D[] {
  return days.map((day) => {
    if (day.date !== first) return day;
    const reduced = { ...day } as Record<string, unknown>;
    for (const [key, value] of Object.entries(edge)) {
      reduced[key] = Number(reduced[key]) - Number(value);
    }
    return reduced as D;
  });
}
