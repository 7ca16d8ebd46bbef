import { FrappeError } from '@helpdesk/shared-frappe-api';
import { parseBody, type MethodReply } from '@helpdesk/shared-messaging';
import { AssignTicketToAgentArgs } from '@helpdesk/ticket-contracts';
import type { GetTicketHandler } from '../get-ticket.handler.js';
import type { PeopleDirectory } from '../people/people-directory.port.js';
import { isAgent, type RequestContext } from '../request-context.js';
import type { TicketCommands } from '../ticket-commands.handler.js';
import { ticketName } from '../ticket.resource.js';

/**
 * `helpdesk.api.ticket.assign_ticket_to_agent`: assigns the ticket to an HD Agent (the caller by
 * default) and answers the ticket as it is afterwards. Only agents assign; only HD Agents, as
 * agent-service has published them, can be assigned.
 */
export class AssignTicketToAgent {
  constructor(
    private readonly tickets: GetTicketHandler,
    private readonly commands: TicketCommands,
    private readonly people: PeopleDirectory,
  ) {}

  async run(params: Record<string, unknown>, context: RequestContext): Promise<MethodReply> {
    if (!isAgent(context)) throw FrappeError.permission('You are not permitted to assign tickets');
    const args = await parseBody(AssignTicketToAgentArgs, params, 'HD Ticket');
    const ticket = ticketName(args.ticket_id);
    const agent = args.agent_id?.trim() || context.user;
    await this.tickets.execute(ticket, context);
    const agents = await this.people.agents([agent]);
    if (!agents.has(agent)) throw FrappeError.validation('Tickets can only be assigned to agents');
    await this.commands.assign(ticket, agent, context);
    return { message: await this.tickets.execute(ticket, context) };
  }
}
