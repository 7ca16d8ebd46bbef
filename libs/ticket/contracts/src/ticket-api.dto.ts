import {
  ArrayMaxSize,
  IsArray,
  IsDefined,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
} from 'class-validator';
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

/** `new`: a ticket raised from the customer portal, with its uploaded File names. */
export class NewTicketArgs {
  @IsDefined()
  @IsObject()
  doc!: Record<string, unknown>;

  /** File `name`s, or File documents (`{name, …}`) as the portal sends them. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  attachments?: unknown[];
}

/** `helpdesk.api.ticket.delete_ticket`. */
export class DeleteTicketArgs {
  @IsDefined()
  @IsNotEmpty()
  @IsDocName()
  name!: string | number;
}

/** `helpdesk.api.ticket.bulk_reply`: one agent reply sent to each ticket's raiser. */
export class BulkReplyArgs {
  @IsDefined()
  @IsArray()
  @ArrayMaxSize(500)
  @IsDocName({ each: true })
  ticket_ids!: (string | number)[];

  @IsDefined()
  @IsNotEmpty()
  @IsString()
  @MaxLength(1_000_000)
  message!: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  attachments?: unknown[] | null;
}

/** `merge_ticket`: the ticket to close into `target`. */
export class MergeTicketArgs {
  @IsDefined()
  @IsNotEmpty()
  @IsDocName()
  source!: string | number;

  @IsDefined()
  @IsNotEmpty()
  @IsDocName()
  target!: string | number;
}

/** `split_ticket`: the new ticket's subject and the Communication it starts from. */
export class SplitTicketArgs {
  @IsDefined()
  @IsNotEmpty()
  @IsString()
  @MaxLength(140)
  subject!: string;

  @IsDefined()
  @IsNotEmpty()
  @IsString()
  @MaxLength(140)
  communication_id!: string;
}
