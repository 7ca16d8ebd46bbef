import {
  TicketApiMethods,
  type GetTicketHandler,
  type MethodHandler,
  type PeopleDirectory,
} from '@helpdesk/ticket-application';
import type { DataSource } from 'typeorm';
import { PostgresTicketActivity } from './activity/postgres-ticket-activity.js';

export interface TicketApiMethodDependencies {
  dataSource: DataSource;
  read: GetTicketHandler;
  people: PeopleDirectory;
  timeZone: string;
}

const API = 'helpdesk.helpdesk.doctype.hd_ticket.api';

/** The HD Ticket API methods (frappe-api §2.1, §2.2, §2.4), by their dotted names. */
export function ticketApiMethods(deps: TicketApiMethodDependencies): [string, MethodHandler][] {
  const api = new TicketApiMethods({
    tickets: deps.read,
    activity: new PostgresTicketActivity(deps.dataSource, deps.timeZone),
    people: deps.people,
  });
  return [[`${API}.get_one`, (params, context) => api.getOne(params, context)]];
}
