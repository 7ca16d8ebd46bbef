import { FrappeError, jsonArgument, textArgument } from '@helpdesk/shared-frappe-api';
import type { MethodReply } from '@helpdesk/shared-messaging';
import type { GetTicketHandler } from '../get-ticket.handler.js';
import type { PeopleDirectory } from '../people/people-directory.port.js';
import { isAgent, type RequestContext } from '../request-context.js';
import { jsonList } from '../ticket-api/ticket-sidebar.methods.js';
import type { TicketCommands } from '../ticket-commands.handler.js';
import { assignableTicket } from './assignable-ticket.js';

/**
 * One open assignment as Frappe's `assign_to.get` lists it: `owner` is the assignee, `name` the
 * ToDo. Assignments are not ToDo documents here, so there is no ToDo name to give.
 */
export interface AssignmentRow {
  owner: string;
  name: null;
}

/**
 * `frappe.desk.form.assign_to.add` and `.remove` for HD Ticket (frappe-api §3.3, helpdesk §2.5).
 * The caller must be an agent who may see the ticket; a client's `ignore_permissions` and
 * `assigned_by` are not honoured. The ToDo details (`description`, `priority`, `date`, `notify`)
 * are accepted and not kept: an assignment here is a user on the ticket's `_assign`.
 */
export class AssignToMethods {
  constructor(
    private readonly tickets: GetTicketHandler,
    private readonly commands: TicketCommands,
    private readonly people: PeopleDirectory,
  ) {}

  /**
   * Assigns each user of `assign_to` in turn; users already assigned are skipped (Frappe's
   * "Already in the following Users ToDo list" message is not sent: replies carry no messages).
   * Every user is checked before anyone is assigned, so an unknown one changes nothing.
   */
  async add(params: Record<string, unknown>, context: RequestContext): Promise<MethodReply> {
    const ticket = assignableTicket(params);
    const users = userList(params.assign_to);
    requireAgent(context);
    const assigned = jsonList((await this.tickets.execute(ticket, context))._assign);
    const newcomers = users.filter(
      (user, i) => !assigned.includes(user) && users.indexOf(user) === i,
    );
    await this.requireKnown(newcomers);
    for (const user of newcomers) await this.commands.assign(ticket, user, context);
    return { message: rows([...assigned, ...newcomers]) };
  }

  /** Unassigns one user (none when they are not assigned) and answers who remains. */
  async remove(params: Record<string, unknown>, context: RequestContext): Promise<MethodReply> {
    const ticket = assignableTicket(params);
    const user = textArgument(params, 'assign_to').trim();
    requireAgent(context);
    const assigned = jsonList((await this.tickets.execute(ticket, context))._assign);
    await this.commands.unassign(ticket, [user], context);
    // From the read before: reading again may be refused to an agent who saw the ticket only as
    // its assignee and has just unassigned themselves.
    return { message: rows(assigned.filter((assignee) => assignee !== user)) };
  }

  /** Frappe links each ToDo to a User; the first unknown one fails as that link would. */
  private async requireKnown(users: readonly string[]): Promise<void> {
    if (users.length === 0) return;
    const [known, agents] = await Promise.all([
      this.people.users(users),
      this.people.agents(users),
    ]);
    const unknown = users.find((user) => !known.has(user) && !agents.has(user));
    if (unknown !== undefined) {
      throw new FrappeError('LinkValidationError', `Could not find Allocated To: ${unknown}`);
    }
  }
}

/** `assign_to` as Frappe's `parse_json` reads it: a JSON list, as JSON or as text; or one user. */
function userList(value: unknown): string[] {
  if (value === undefined || value === null || value === '') {
    throw new FrappeError('MandatoryError', 'Error: Value missing: assign_to', 'Missing Fields');
  }
  const parsed = jsonArgument(value, 'assign_to');
  const list = typeof parsed === 'string' ? [parsed] : parsed;
  if (!Array.isArray(list) || !list.every((user) => typeof user === 'string' && user.trim())) {
    throw FrappeError.validation('assign_to must be a JSON list of user ids');
  }
  return list.map((user: string) => user.trim());
}

/** Assignments are an agent's business, as `HD Ticket.assign_agent` (`@agent_only`) has it. */
function requireAgent(context: RequestContext): void {
  if (!isAgent(context)) {
    throw FrappeError.permission('You are not permitted to access this resource.');
  }
}

function rows(assignees: readonly string[]): AssignmentRow[] {
  return assignees.map((owner) => ({ owner, name: null }));
}
