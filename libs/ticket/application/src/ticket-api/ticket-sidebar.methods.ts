import { formatFrappeDatetime } from '@helpdesk/shared-frappe-api';
import { parseBody, type MethodReply } from '@helpdesk/shared-messaging';
import { NavigationTicketsArgs, TicketArgs } from '@helpdesk/ticket-contracts';
import type { GetTicketHandler } from '../get-ticket.handler.js';
import { navigationFilters } from '../list-view/navigation-filters.js';
import type { PeopleDirectory } from '../people/people-directory.port.js';
import { isAgent, type RequestContext } from '../request-context.js';
import { ticketName } from '../ticket.resource.js';
import { readableTicket } from './readable-ticket.js';
import { ticketActivities } from './ticket-activities.js';
import type { TicketActivityReader } from './ticket-activity.port.js';
import { ticketContactCard } from './ticket-contact.js';

export interface TicketSidebarDependencies {
  tickets: GetTicketHandler;
  activity: TicketActivityReader;
  people: PeopleDirectory;
  timeZone: string;
}

const RECENT_FIELDS = ['subject', 'creation', 'name', 'status'];

/** What the agent's ticket page loads beside the ticket (frappe-api §2.1). */
export class TicketSidebarMethods {
  constructor(private readonly deps: TicketSidebarDependencies) {}

  /** `get_ticket_activities`: `get_one`'s conversation and logs alone. */
  async getTicketActivities(params: Record<string, unknown>, context: RequestContext) {
    const ticket = await this.readable(params, context);
    const { activity, people } = this.deps;
    return { message: await ticketActivities(activity, people, ticket.name, isAgent(context)) };
  }

  /** `get_ticket_contact`: the contact card; nothing when the ticket does not exist. */
  async getTicketContact(
    params: Record<string, unknown>,
    context: RequestContext,
  ): Promise<MethodReply> {
    const { ticket: name } = await parseBody(TicketArgs, params, 'HD Ticket');
    const ticket = await readableTicket(this.deps.tickets, name, context).catch(notFoundAsNone);
    if (!ticket) return {};
    const card = await ticketContactCard(
      this.deps.people,
      ticket,
      ['name', 'email_id', 'phone', 'mobile_no', 'image'],
      { phone: '', mobile_no: '', image: '' },
    );
    return { message: card };
  }

  /**
   * `get_ticket_assignees`: agents see each assignee's HD Agent card (just the name for a user
   * without one); anyone else sees names only.
   */
  async getTicketAssignees(params: Record<string, unknown>, context: RequestContext) {
    const ticket = await this.readable(params, context);
    const assignees = jsonList(ticket._assign);
    if (!isAgent(context)) return { message: assignees.map((name) => ({ name })) };
    const agents = await this.deps.people.agents(assignees);
    return {
      message: assignees.map((name) => {
        const agent = agents.get(name);
        if (!agent) return { name };
        const changedOn = agent.availability_changed_on;
        return {
          name,
          agent_name: agent.agent_name,
          user_image: agent.user_image,
          availability: agent.availability,
          availability_changed_on:
            changedOn === null ? null : formatFrappeDatetime(changedOn, this.deps.timeZone),
        };
      }),
    };
  }

  /**
   * `get_recent_similar_tickets`: up to two other tickets of the same customer, then the raiser's
   * other tickets up to four in all, each group newest first, among those the caller may see.
   * There is no similarity search, so `similar_tickets` is empty.
   */
  async getRecentSimilarTickets(params: Record<string, unknown>, context: RequestContext) {
    const ticket = await this.readable(params, context).catch(notFoundAsNone);
    if (!ticket) return { message: { recent_tickets: [], similar_tickets: [] } };
    const list = (filters: unknown[][], limit: number) =>
      this.deps.tickets.list(
        { fields: RECENT_FIELDS, filters, order_by: 'creation desc', limit_page_length: limit },
        context,
      ) as Promise<{ name: number }[]>;
    const customer = typeof ticket.customer === 'string' ? ticket.customer : '';
    const ofCustomer =
      customer === ''
        ? []
        : await list(
            [
              ['name', '!=', ticket.name],
              ['customer', '=', customer],
            ],
            2,
          );
    const excluded = [ticket.name, ...ofCustomer.map((t) => t.name)];
    const ofRaiser = await list(
      [
        ['name', 'not in', excluded],
        ['raised_by', '=', String(ticket.raised_by)],
      ],
      4 - ofCustomer.length,
    );
    return { message: { recent_tickets: [...ofCustomer, ...ofRaiser], similar_tickets: [] } };
  }

  /**
   * `get_navigation_tickets`: the ticket, then up to 40 others in the order of the caller's list.
   * No HD View exists yet, so every view (named or default) has no filters and `modified desc`.
   * Like Frappe, any failure answers an empty list.
   */
  async getNavigationTickets(params: Record<string, unknown>, context: RequestContext) {
    try {
      const { ticket: given } = await parseBody(NavigationTicketsArgs, params, 'HD Ticket');
      const ticket = ticketName(given);
      const others = (await this.deps.tickets.list(
        {
          fields: ['name'],
          filters: navigationFilters([], ticket, context.user),
          order_by: 'modified desc',
          limit_page_length: 40,
        },
        context,
      )) as { name: number }[];
      return { message: [ticket, ...others.map((row) => row.name)] };
    } catch {
      return { message: [] };
    }
  }

  private async readable(params: Record<string, unknown>, context: RequestContext) {
    const { ticket } = await parseBody(TicketArgs, params, 'HD Ticket');
    return readableTicket(this.deps.tickets, ticket, context);
  }
}

/** A JSON list column (`_assign`) as the document renders it: JSON text, or null. */
export function jsonList(value: unknown): string[] {
  if (typeof value !== 'string' || value === '') return [];
  const parsed = JSON.parse(value) as unknown;
  return Array.isArray(parsed) ? parsed.map(String) : [];
}

/** Frappe answers these for a ticket that does not exist instead of failing. */
function notFoundAsNone(error: unknown): undefined {
  if ((error as { excType?: string }).excType === 'DoesNotExistError') return undefined;
  throw error;
}
