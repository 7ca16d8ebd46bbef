import { inTransaction } from '@helpdesk/shared-event-store';
import { compileList, parseListParams, type DocTypeMeta } from '@helpdesk/shared-frappe-query';
import { ASSIGNED_ON_OPERATORS, type AssignedOnCondition } from '@helpdesk/shared-list-view';
import type { DataSource } from 'typeorm';

/** Open assignments by day, as Frappe filters `Date(ToDo.creation)`. */
const ASSIGNMENT_DAY_META: DocTypeMeta = {
  doctype: 'HD Ticket Assignment',
  table: 'ticket.hd_ticket_assignment_day',
  nameType: 'int',
  defaultOrder: 'name asc',
  fields: [
    { fieldname: 'name', fieldtype: 'Int', column: 'ticket' },
    { fieldname: 'agent', fieldtype: 'Data' },
    { fieldname: 'assigned_on', fieldtype: 'Date' },
  ],
};

/** As many names as a `name in` filter takes. */
const MAX_NAMES = 10_000;

export class PostgresAssignedTickets {
  constructor(
    private readonly dataSource: DataSource,
    private readonly timeZone: string,
  ) {}

  /**
   * The tickets assigned to `user` on the days `condition` selects, with Frappe's operators and
   * Date semantics; an operator Frappe does not apply leaves every open assignment.
   */
  assignedTickets(user: string, [operator, value]: AssignedOnCondition): Promise<number[]> {
    const filters: unknown[][] = [['agent', '=', user]];
    if (ASSIGNED_ON_OPERATORS.has(operator)) filters.push(['assigned_on', operator, value]);
    const compiled = compileList(
      ASSIGNMENT_DAY_META,
      parseListParams(
        { fields: ['name'], filters, limit_page_length: 0 },
        { maxPageLength: MAX_NAMES },
      ),
      { timeZone: this.timeZone, now: new Date() },
    );
    return inTransaction(this.dataSource, async (sql) => {
      // `assigned_on` is the assignment's day in the session's zone: make that the site's.
      await sql.query(`SELECT set_config('TimeZone', $1, true)`, [this.timeZone]);
      const { rows } = await sql.query<{ name: string | number }>(compiled.text, compiled.values);
      return rows.map((row) => Number(row.name));
    });
  }
}
