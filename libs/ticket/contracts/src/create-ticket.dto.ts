import 'reflect-metadata';
import {
  IsBoolean,
  IsDefined,
  IsEmail,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  MaxLength,
} from 'class-validator';
import { Transform } from 'class-transformer';

/** Body of `POST /api/resource/HD Ticket` (and of `ticket.cmd.open`). */
export class CreateTicketDto {
  /** Frappe clients send the doctype inside the document; it must name this one. */
  @IsOptional()
  @IsIn(['HD Ticket'])
  doctype?: string;

  @IsDefined()
  @IsNotEmpty()
  @IsString()
  @MaxLength(140)
  subject!: string;

  @IsOptional()
  @IsString()
  @MaxLength(1_000_000)
  description?: string | null;

  @IsOptional()
  @IsEmail({}, { message: 'raised_by must be a valid email address' })
  @MaxLength(140)
  raised_by?: string | null;

  @IsOptional()
  @IsString()
  @MaxLength(140)
  priority?: string | null;

  @IsOptional()
  @IsString()
  @MaxLength(140)
  ticket_type?: string | null;

  /** A Check: Frappe clients send 0/1 as often as booleans. */
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 0 || value === 1 ? value === 1 : value))
  @IsBoolean()
  via_customer_portal?: boolean;

  /**
   * When the SLA clock starts (`YYYY-MM-DD HH:mm:ss` in the site's zone, or ISO-8601); agents
   * only, as Frappe allows, which makes deadlines reproducible. Default: the creation.
   */
  @IsOptional()
  @IsString()
  @MaxLength(64)
  service_level_agreement_creation?: string | null;

  /** Frappe forces a new ticket's status to the default; a sent status is accepted and ignored. */
  @IsOptional()
  @IsString()
  @MaxLength(140)
  status?: string | null;

  @IsOptional()
  @IsString()
  @MaxLength(140)
  agent_group?: string | null;

  @IsOptional()
  @IsString()
  @MaxLength(140)
  contact?: string | null;

  @IsOptional()
  @IsString()
  @MaxLength(140)
  customer?: string | null;

  @IsOptional()
  @IsString()
  @MaxLength(140)
  template?: string | null;

  @IsOptional()
  @IsString()
  @MaxLength(1_000_000)
  summary?: string | null;

  @IsOptional()
  @IsString()
  @MaxLength(140)
  email_account?: string | null;
}
