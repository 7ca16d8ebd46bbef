import {
  TicketApiMethods,
  TicketSidebarMethods,
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
  const reads = {
    tickets: deps.read,
    activity: new PostgresTicketActivity(deps.dataSource, deps.timeZone),
    people: deps.people,
    timeZone: deps.timeZone,
  };
  const api = new TicketApiMethods(reads);
  const sidebar = new TicketSidebarMethods(reads);
  return [
    [`${API}.get_one`, (params, context) => api.getOne(params, context)],
    [`${API}.get_ticket_activities`, (p, context) => sidebar.getTicketActivities(p, context)],
    [`${API}.get_ticket_contact`, (p, context) => sidebar.getTicketContact(p, context)],
    [`${API}.get_ticket_assignees`, (p, context) => sidebar.getTicketAssignees(p, context)],
    [
      `${API}.get_recent_similar_tickets`,
      (p, context) => sidebar.getRecentSimilarTickets(p, context),
    ],
    [`${API}.get_navigation_tickets`, (p, context) => sidebar.getNavigationTickets(p, context)],
  ];
}
