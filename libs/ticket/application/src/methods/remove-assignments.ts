import { FrappeError, jsonArgument } from '@helpdesk/shared-frappe-api';
import type { MethodReply } from '@helpdesk/shared-messaging';
import type { GetTicketHandler } from '../get-ticket.handler.js';
import type { RequestContext } from '../request-context.js';
import type { TicketCommands } from '../ticket-commands.handler.js';
import { assignableTicket } from './assignable-ticket.js';

/**
 * `helpdesk.api.doc.remove_assignments`. Frappe checks nothing here; we require that the caller
 * may see the ticket, and the aggregate lets only agents unassign. A client's
 * `ignore_permissions` is not honoured.
 */
export class RemoveAssignments {
  constructor(
    private readonly tickets: GetTicketHandler,
    private readonly commands: TicketCommands,
  ) {}

  async run(params: Record<string, unknown>, context: RequestContext): Promise<MethodReply> {
    const ticket = assignableTicket(params);
    const assignees = jsonArgument(params.assignees, 'assignees');
    if (!Array.isArray(assignees) || !assignees.every((a) => typeof a === 'string' && a !== '')) {
      throw FrappeError.validation('assignees must be a JSON list of user ids');
    }
    await this.tickets.execute(ticket, context);
    await this.commands.unassign(ticket, assignees as string[], context);
    return {};
  }
}
