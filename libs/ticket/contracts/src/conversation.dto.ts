import { Type } from 'class-transformer';
import {
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';

const MAX_MESSAGE = 1_000_000;

/** `from_email` of `reply_via_agent`: the address and account to reply from. */
export class ReplyFromEmailDto {
  @IsOptional()
  @IsString()
  @MaxLength(140)
  email_id?: string | null;

  @IsOptional()
  @IsString()
  @MaxLength(140)
  email_account?: string | null;
}

/** `args` of `run_doc_method` … `reply_via_agent` (frappe-api §1.1.4). */
export class ReplyViaAgentArgs {
  @IsDefined()
  @IsNotEmpty()
  @IsString()
  @MaxLength(MAX_MESSAGE)
  message!: string;

  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => ReplyFromEmailDto)
  from_email?: ReplyFromEmailDto | null;

  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  to?: string | null;

  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  cc?: string | null;

  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  bcc?: string | null;

  /** File names already uploaded. */
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  @MaxLength(140, { each: true })
  attachments?: string[];
}

/** `args` of `create_communication_via_contact`: a customer's message. */
export class CreateCommunicationViaContactArgs {
  @IsDefined()
  @IsNotEmpty()
  @IsString()
  @MaxLength(MAX_MESSAGE)
  message!: string;

  /** File `name`s, or File documents (`{name, …}`) as the portal sends them. */
  @IsOptional()
  @IsArray()
  attachments?: unknown[];

  /** Accepted for wire compatibility and ignored: only creation records the description. */
  @IsOptional()
  @IsBoolean()
  new_ticket?: boolean;
}

/** `args` of `new_comment`: an internal note. */
export class NewCommentArgs {
  @IsDefined()
  @IsNotEmpty()
  @IsString()
  @MaxLength(MAX_MESSAGE)
  content!: string;

  @IsOptional()
  @IsArray()
  attachments?: unknown[];
}

/** `POST /api/resource/HD Ticket Comment`. */
export class NewTicketCommentDto {
  @IsOptional()
  @IsIn(['HD Ticket Comment'])
  doctype?: string;

  @IsDefined()
  @IsNotEmpty()
  reference_ticket!: string | number;

  @IsDefined()
  @IsNotEmpty()
  @IsString()
  @MaxLength(MAX_MESSAGE)
  content!: string;
}

/** `PUT /api/resource/HD Ticket Comment/<name>`: a note's content (author only) or its pin. */
export class UpdateTicketCommentDto {
  @IsOptional()
  @IsIn(['HD Ticket Comment'])
  doctype?: string;

  @IsOptional()
  @IsString()
  @MaxLength(140)
  name?: string;

  @IsOptional()
  @IsNotEmpty()
  @IsString()
  @MaxLength(MAX_MESSAGE)
  content?: string;

  /** Frappe's Check: 0/1 (or a boolean). */
  @IsOptional()
  @IsIn([0, 1, true, false])
  is_pinned?: number | boolean;
}

/** `args` of `assign_agent`: the user to add to the ticket's `_assign`. */
export class AssignAgentArgs {
  @IsDefined()
  @IsNotEmpty()
  @IsString()
  @MaxLength(140)
  agent!: string;
}

/** `toggle_reaction`: the note (HD Ticket Comment name) and the emoji. */
export class ToggleReactionArgs {
  @IsDefined()
  @IsNotEmpty()
  @IsString()
  @MaxLength(140)
  comment!: string;

  @IsDefined()
  @IsNotEmpty()
  @IsString()
  @MaxLength(32)
  emoji!: string;
}

/** `get_reactions`: the note whose reactions to list. */
export class GetReactionsArgs {
  @IsDefined()
  @IsNotEmpty()
  @IsString()
  @MaxLength(140)
  comment!: string;
}
