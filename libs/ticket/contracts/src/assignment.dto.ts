import { IsDefined, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsDocName } from './frappe-arguments.js';

/**
 * Assignment methods ticket-service answers whatever their arguments (frappe-api §2.4, §2.12,
 * §3.3). Frappe's `assign_to` methods are generic, but only HD Ticket keeps assignments here, so
 * ticket-service answers them for every DocType and refuses the others itself.
 */
export const TICKET_ASSIGNMENT_METHODS = [
  'helpdesk.api.ticket.assign_ticket_to_agent',
  'frappe.desk.form.assign_to.add',
  'frappe.desk.form.assign_to.remove',
] as const;

/** `helpdesk.api.ticket.assign_ticket_to_agent`: the agent defaults to the caller. */
export class AssignTicketToAgentArgs {
  @IsDefined()
  @IsNotEmpty()
  @IsDocName()
  ticket_id!: string | number;

  @IsOptional()
  @IsString()
  @MaxLength(140)
  agent_id?: string | null;
}
