import { IsDefined, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsDocName, IsFrappeFlag } from './frappe-arguments.js';

/**
 * Arguments of `helpdesk.helpdesk.doctype.hd_ticket.api.*` (frappe-api §2.1), as received from
 * the query string or a JSON body.
 */
export class GetOneTicketArgs {
  @IsDefined()
  @IsNotEmpty()
  @IsDocName()
  name!: string | number;

  @IsOptional()
  @IsFrappeFlag()
  is_customer_portal?: boolean | number | string;
}

/** `get_ticket_activities`, `get_ticket_contact`, `get_ticket_assignees`, … : one ticket. */
export class TicketArgs {
  @IsDefined()
  @IsNotEmpty()
  @IsDocName()
  ticket!: string | number;
}

export class NavigationTicketsArgs extends TicketArgs {
  /** An HD View name; none exist, so every view falls back to the default order. */
  @IsOptional()
  @IsString()
  @MaxLength(140)
  current_view?: string | null;
}
