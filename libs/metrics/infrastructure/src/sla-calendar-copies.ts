import type { Sql } from '@helpdesk/shared-event-store';
import { holidayDatesOf, slaCalendarOf } from '@helpdesk/metrics-application';
import type { SlaEventV1 } from '@helpdesk/sla-contracts';

const PREFIX = 'helpdesk.sla.v1.';

/**
 * The metrics' copies of the SLA calendars and holiday lists, kept from sla-service's events
 * (each carries the whole document). A copy changes only for a newer document version, so a
 * redelivered or overtaken event is harmless.
 */
export class SlaCalendarCopies {
  /**
   * Applies one SLA event in the intake's transaction; the SLAs whose calendar it changed (their
   * tickets' figures are computed again), none when the event was old news.
   */
  async apply(sql: Sql, event: SlaEventV1): Promise<string[]> {
    switch (event.type.slice(PREFIX.length)) {
      case 'agreement-saved':
      case 'agreement-deleted':
        return (await this.saveAgreement(sql, event)) ? [event.name] : [];
      case 'holiday-list-saved':
      case 'holiday-list-deleted': {
        if (!(await this.saveHolidayList(sql, event))) return [];
        const { rows } = await sql.query<{ name: string }>(
          `SELECT name FROM metrics.sla_calendar WHERE holiday_list = $1 AND NOT deleted`,
          [event.name],
        );
        return rows.map((row) => row.name);
      }
      default:
        return [];
    }
  }

  private async saveAgreement(sql: Sql, event: SlaEventV1): Promise<boolean> {
    const deleted = event.type.endsWith('-deleted');
    const copy = slaCalendarOf(deleted ? {} : event.data);
    const { rowCount } = await sql.query(
      `INSERT INTO metrics.sla_calendar AS c
              (name, version, deleted, time_zone, working_hours, holiday_list)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (name) DO UPDATE
          SET version = excluded.version, deleted = excluded.deleted,
              time_zone = excluded.time_zone, working_hours = excluded.working_hours,
              holiday_list = excluded.holiday_list
        WHERE c.version < excluded.version`,
      [
        event.name,
        event.version,
        deleted,
        copy.timeZone,
        JSON.stringify(copy.workingHours),
        copy.holidayList,
      ],
    );
    return rowCount > 0;
  }

  private async saveHolidayList(sql: Sql, event: SlaEventV1): Promise<boolean> {
    const deleted = event.type.endsWith('-deleted');
    const { rowCount } = await sql.query(
      `INSERT INTO metrics.holiday_list AS h (name, version, deleted, dates)
       VALUES ($1, $2, $3, $4)
       ON CONFLICT (name) DO UPDATE
          SET version = excluded.version, deleted = excluded.deleted, dates = excluded.dates
        WHERE h.version < excluded.version`,
      [
        event.name,
        event.version,
        deleted,
        JSON.stringify(deleted ? [] : holidayDatesOf(event.data)),
      ],
    );
    return rowCount > 0;
  }
}
