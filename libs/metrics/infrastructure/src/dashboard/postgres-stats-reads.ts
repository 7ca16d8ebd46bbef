import { withConnection } from '@helpdesk/shared-event-store';
import type {
  RatedTicket,
  ScopeDay,
  ScopeFigures,
  StatsReads,
} from '@helpdesk/metrics-application';
import { ROLLUP_MEASURES, type DateRange, type StatsScope } from '@helpdesk/metrics-domain';
import type { DataSource } from 'typeorm';

type Numbers = Record<string, string | number | null>;

const num = (value: string | number | null | undefined) => Number(value ?? 0);

/** The scope rollup's columns, as the projection writes them. */
const MEASURES = ROLLUP_MEASURES.scope_day;

function figuresOf(row: Numbers): ScopeFigures {
  return {
    created: num(row.created),
    failed: num(row.failed),
    firstResponse: { sum: num(row.first_response_sum), count: num(row.first_response_count) },
    responded: { sum: num(row.responded_sum), count: num(row.responded_count) },
    resolution: { sum: num(row.resolution_sum), count: num(row.resolution_count) },
    rated: num(row.rated),
    ratingSum: num(row.rating_sum),
    stars: [0, 1, 2, 3, 4, 5].map((star) => num(row[`star_${star}`])),
  };
}

/**
 * The ticket stats' and agent home's reads: one agent's, customer's or contact's days from the
 * scope rollup, and an agent's rated tickets from the facts (through their partial index).
 */
export class PostgresStatsReads implements StatsReads {
  constructor(
    private readonly dataSource: DataSource,
    private readonly timeZone: string,
  ) {}

  scopeDays(scope: StatsScope, value: string, range: DateRange): Promise<ScopeDay[]> {
    return withConnection(this.dataSource, async (sql) => {
      const { rows } = await sql.query<Numbers & { date: string }>(
        `SELECT day::text AS date, ${MEASURES.join(', ')}
           FROM metrics.scope_day_rollup
          WHERE scope = $1 AND value = $2 AND day BETWEEN $3 AND $4
          ORDER BY day`,
        [scope, value, range.from, range.to],
      );
      return rows.map((row) => ({ date: row.date, ...figuresOf(row) }));
    });
  }

  scopeTotals(scope: StatsScope, value: string, range: DateRange | null): Promise<ScopeFigures> {
    return withConnection(this.dataSource, async (sql) => {
      const { rows } = await sql.query<Numbers>(
        `SELECT ${MEASURES.map((m) => `sum(${m}) AS ${m}`).join(', ')}
           FROM metrics.scope_day_rollup
          WHERE scope = $1 AND value = $2
            AND ($3::date IS NULL OR day BETWEEN $3::date AND $4::date)`,
        [scope, value, range?.from ?? null, range?.to ?? null],
      );
      return figuresOf(rows[0] ?? {});
    });
  }

  ratedTickets(
    agent: string,
    range: { from: string | null; to: string | null },
    order: 'best' | 'worst',
    limit: number,
  ): Promise<RatedTicket[]> {
    return withConnection(this.dataSource, async (sql) => {
      const { rows } = await sql.query<{
        name: string;
        subject: string | null;
        feedback_rating: number;
        feedback: string | null;
        feedback_extra: string | null;
        contact: string | null;
        modified: Date | null;
      }>(
        `SELECT ticket AS name, subject, feedback_rating, feedback, feedback_extra, contact, modified
           FROM metrics.dashboard_ticket
          WHERE assignees @> ARRAY[$1::text] AND feedback_rating > 0 AND NOT deleted
            AND creation IS NOT NULL
            AND ($2::date IS NULL OR (creation AT TIME ZONE $4)::date >= $2::date)
            AND ($3::date IS NULL OR (creation AT TIME ZONE $4)::date <= $3::date)
          ORDER BY feedback_rating ${order === 'best' ? 'DESC' : 'ASC'}, modified DESC NULLS LAST, ticket DESC
          LIMIT $5`,
        [agent, range.from, range.to, this.timeZone, limit],
      );
      return rows.map((row) => ({
        ...row,
        name: Number(row.name),
        modified: (row.modified ?? new Date(0)).toISOString(),
      }));
    });
  }
}
