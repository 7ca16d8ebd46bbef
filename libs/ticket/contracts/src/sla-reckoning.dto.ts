import 'reflect-metadata';
import {
  IsDefined,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
  Min,
} from 'class-validator';

/** The SLA fields of one ticket as sla-service reckons them (by Frappe name). */
export interface SlaFieldsV1 {
  sla: string | null;
  service_level_agreement_creation: string | null;
  response_by: string | null;
  resolution_by: string | null;
  agreement_status: string | null;
  on_hold_since: string | null;
  total_hold_time: number | null;
  first_response_time: number | null;
  first_response_failed_by: number | null;
  resolution_time: number | null;
  resolution_failed_by: number | null;
  raised_outside_working_hours?: boolean;
}

/**
 * sla-service → ticket-service (`TicketSubjects.applySla`): the reckoning computed from the
 * ticket at stream version `basedOn`. An older one than the last applied is void, so sending it
 * twice, or late, is harmless. Datetimes are ISO-8601 instants, durations working seconds.
 */
export class ApplySlaDto {
  @IsInt()
  @Min(1)
  ticket!: number;

  @IsInt()
  @Min(1)
  basedOn!: number;

  @IsDefined()
  @IsObject()
  fields!: SlaFieldsV1;

  /** The SLA's default priority, for a ticket that has none (`handle_new`). */
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(140)
  defaultPriority?: string | null;
}

/** Whether the reckoning changed the ticket; `false` when it was void or already applied. */
export interface AppliedSla {
  applied: boolean;
}
