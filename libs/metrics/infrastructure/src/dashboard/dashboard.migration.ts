import type { MigrationInterface, QueryRunner } from 'typeorm';

const COUNT = 'bigint NOT NULL DEFAULT 0';
const SUM = 'numeric NOT NULL DEFAULT 0';

/**
 * The dashboards' projection: each ticket's facts with the stream version that set each field,
 * and the daily rollups the dashboards read. The rollups' keys put the day before the breakdown
 * value, so a window of days is one index range however many values a breakdown has.
 */
export class DashboardProjection1763700002700 implements MigrationInterface {
  name = 'DashboardProjection1763700002700';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE metrics.dashboard_ticket (
      ticket bigint PRIMARY KEY,
      creation timestamptz,
      deleted boolean NOT NULL DEFAULT false,
      subject text,
      status text,
      status_category text,
      priority text,
      ticket_type text,
      team text,
      customer text,
      contact text,
      via_customer_portal boolean NOT NULL DEFAULT false,
      assignees text[] NOT NULL DEFAULT '{}',
      sla text,
      agreement_status text,
      response_by timestamptz,
      first_response_time double precision,
      first_responded_on timestamptz,
      resolution_time double precision,
      resolution_date timestamptz,
      feedback text,
      feedback_rating double precision,
      feedback_extra text,
      modified timestamptz,
      versions jsonb NOT NULL DEFAULT '{}'
    )`);
    // The trends leave out tickets created (or resolved) at the very first instant of the window.
    await runner.query(
      `CREATE INDEX dashboard_ticket_creation_idx ON metrics.dashboard_ticket (creation)`,
    );
    await runner.query(
      `CREATE INDEX dashboard_ticket_resolution_idx ON metrics.dashboard_ticket (resolution_date)
        WHERE resolution_date IS NOT NULL`,
    );
    // An agent's rated tickets, for the agent home's feedback list.
    await runner.query(
      `CREATE INDEX dashboard_ticket_rated_idx ON metrics.dashboard_ticket USING gin (assignees)
        WHERE feedback_rating > 0 AND NOT deleted`,
    );
    await runner.query(`CREATE TABLE metrics.ticket_day_rollup (
      by_team boolean NOT NULL,
      team text NOT NULL,
      assignee text NOT NULL,
      facet text NOT NULL,
      day date NOT NULL,
      value text NOT NULL,
      created ${COUNT},
      open_count ${COUNT},
      resolved ${COUNT},
      fulfilled ${COUNT},
      first_response_sum ${SUM},
      first_response_count ${COUNT},
      resolution_days_sum ${SUM},
      resolution_days_count ${COUNT},
      PRIMARY KEY (by_team, team, assignee, facet, day, value)
    )`);
    await runner.query(`CREATE TABLE metrics.feedback_day_rollup (
      by_team boolean NOT NULL,
      team text NOT NULL,
      assignee text NOT NULL,
      day date NOT NULL,
      resolved_on ${COUNT},
      rated ${COUNT},
      rating_sum ${SUM},
      PRIMARY KEY (by_team, team, assignee, day)
    )`);
    await runner.query(`CREATE TABLE metrics.scope_day_rollup (
      scope text NOT NULL,
      value text NOT NULL,
      day date NOT NULL,
      created ${COUNT},
      failed ${COUNT},
      first_response_sum ${SUM},
      first_response_count ${COUNT},
      responded_sum ${SUM},
      responded_count ${COUNT},
      resolution_sum ${SUM},
      resolution_count ${COUNT},
      rated ${COUNT},
      rating_sum ${SUM},
      star_0 ${COUNT},
      star_1 ${COUNT},
      star_2 ${COUNT},
      star_3 ${COUNT},
      star_4 ${COUNT},
      star_5 ${COUNT},
      PRIMARY KEY (scope, value, day)
    )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE metrics.scope_day_rollup, metrics.feedback_day_rollup,
      metrics.ticket_day_rollup, metrics.dashboard_ticket`);
  }
}
