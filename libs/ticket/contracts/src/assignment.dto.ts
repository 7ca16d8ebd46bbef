import { IsDefined, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsDocName } from './frappe-arguments.js';

/** Assignment methods ticket-service answers whatever their arguments (frappe-api §2.4). */
export const TICKET_ASSIGNMENT_METHODS = ['helpdesk.api.ticket.assign_ticket_to_agent'] as const;

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
