import 'reflect-metadata';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsDefined,
  IsIn,
  IsNumber,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

// Shapes only: the SLA documents' own rules (sla-domain) check values and word Frappe's messages.

const CHECK = [0, 1, true, false];
const MAX_INT = 2_147_483_647;
const MAX_TEXT = 10_000;
const MAX_ROWS = 1000;

/** Frappe casts a number sent as text ("3600"), as forms send Duration and Int fields. */
function numberText({ value }: { value: unknown }): unknown {
  return typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value) ? Number(value) : value;
}

/** One row of `priorities` (HD Service Level Priority); times are seconds. */
export class ServiceLevelPriorityDto {
  @IsOptional()
  @IsString()
  @MaxLength(140)
  priority?: string | null;

  @IsOptional()
  @Transform(numberText)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Max(MAX_INT)
  response_time?: number | null;

  @IsOptional()
  @Transform(numberText)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Max(MAX_INT)
  resolution_time?: number | null;

  @IsOptional()
  @IsIn(CHECK)
  default_priority?: 0 | 1 | boolean | null;
}

/** One row of `support_and_resolution` (HD Service Day): a weekday's working hours. */
export class ServiceDayDto {
  @IsOptional()
  @IsString()
  @MaxLength(20)
  workday?: string | null;

  @IsOptional()
  @IsString()
  @MaxLength(20)
  start_time?: string | null;

  @IsOptional()
  @IsString()
  @MaxLength(20)
  end_time?: string | null;
}

/**
 * The fields a client may send for an HD Service Level Agreement, by Frappe name. The computed
 * `default_priority` is accepted, so a document read and saved back passes, and ignored.
 */
class ServiceLevelAgreementFieldsDto {
  @IsOptional()
  @IsString()
  @MaxLength(140)
  service_level?: string | null;

  @IsOptional()
  @IsString()
  @MaxLength(MAX_TEXT)
  description?: string | null;

  @IsOptional()
  @IsIn(CHECK)
  enabled?: 0 | 1 | boolean | null;

  @IsOptional()
  @IsIn(CHECK)
  default_sla?: 0 | 1 | boolean | null;

  /** Orders conditional SLAs; whole numbers only (the SLA refuses a fraction). */
  @IsOptional()
  @Transform(numberText)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-MAX_INT)
  @Max(MAX_INT)
  priority?: number | null;

  @IsOptional()
  @IsString()
  @MaxLength(40)
  start_date?: string | null;

  @IsOptional()
  @IsString()
  @MaxLength(40)
  end_date?: string | null;

  @IsOptional()
  @IsString()
  @MaxLength(MAX_TEXT)
  condition?: string | null;

  /** Helpdesk's condition editor: `JSON.stringify` of its condition list. */
  @IsOptional()
  @IsString()
  @MaxLength(MAX_TEXT)
  condition_json?: string | null;

  @IsOptional()
  @IsString()
  @MaxLength(140)
  holiday_list?: string | null;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ServiceDayDto)
  support_and_resolution?: ServiceDayDto[] | null;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_ROWS)
  @ValidateNested({ each: true })
  @Type(() => ServiceLevelPriorityDto)
  priorities?: ServiceLevelPriorityDto[] | null;

  @IsOptional()
  @IsIn(CHECK)
  apply_sla_for_resolution?: 0 | 1 | boolean | null;

  @IsOptional()
  @IsString()
  @MaxLength(140)
  default_ticket_status?: string | null;

  @IsOptional()
  @IsString()
  @MaxLength(140)
  ticket_reopen_status?: string | null;

  /** IANA zone of the working hours; the site's when empty. */
  @IsOptional()
  @IsString()
  @MaxLength(64)
  timezone?: string | null;

  @IsOptional()
  @IsString()
  @MaxLength(140)
  default_priority?: string | null;
}

/** Body of `POST /api/resource/HD Service Level Agreement`: named by `service_level`. */
export class CreateServiceLevelAgreementDto extends ServiceLevelAgreementFieldsDto {
  @IsOptional()
  @IsIn(['HD Service Level Agreement'])
  doctype?: string;

  /** Frappe names the SLA from `service_level`; a `name` sent along is ignored. */
  @IsOptional()
  @IsString()
  @MaxLength(140)
  name?: string | null;
}

/** Changes of `PUT /api/resource/HD Service Level Agreement/<name>`; child tables replace whole. */
export class UpdateServiceLevelAgreementDto extends ServiceLevelAgreementFieldsDto {}

/** One row of `holidays` (HD Holiday). */
export class HolidayDto {
  @IsOptional()
  @IsString()
  @MaxLength(40)
  holiday_date?: string | null;

  @IsOptional()
  @IsString()
  @MaxLength(MAX_TEXT)
  description?: string | null;

  @IsOptional()
  @IsIn(CHECK)
  weekly_off?: 0 | 1 | boolean | null;
}

/**
 * The fields a client may send for an HD Service Holiday List. The computed `total_holidays` is
 * accepted and ignored, as is `recurring_holidays` (stored by Frappe, read by nothing).
 */
class ServiceHolidayListFieldsDto {
  @IsOptional()
  @IsString()
  @MaxLength(140)
  holiday_list_name?: string | null;

  @IsOptional()
  @IsString()
  @MaxLength(40)
  from_date?: string | null;

  @IsOptional()
  @IsString()
  @MaxLength(40)
  to_date?: string | null;

  @IsOptional()
  @IsString()
  @MaxLength(20)
  weekly_off?: string | null;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_ROWS)
  @ValidateNested({ each: true })
  @Type(() => HolidayDto)
  holidays?: HolidayDto[] | null;

  @IsOptional()
  @IsString()
  @MaxLength(40)
  color?: string | null;

  @IsOptional()
  @IsString()
  @MaxLength(MAX_TEXT)
  description?: string | null;

  @IsOptional()
  @IsNumber()
  total_holidays?: number | null;

  @IsOptional()
  recurring_holidays?: unknown;
}

/** Body of `POST /api/resource/HD Service Holiday List`: named by `holiday_list_name`. */
export class CreateServiceHolidayListDto extends ServiceHolidayListFieldsDto {
  @IsOptional()
  @IsIn(['HD Service Holiday List'])
  doctype?: string;

  @IsOptional()
  @IsString()
  @MaxLength(140)
  name?: string | null;
}

/** Changes of `PUT /api/resource/HD Service Holiday List/<name>`; `holidays` replaces whole. */
export class UpdateServiceHolidayListDto extends ServiceHolidayListFieldsDto {}

/** Arguments of `hd_service_holiday_list.get_events`: the calendar's window and list filters. */
export class HolidayEventsArgs {
  @IsDefined()
  @IsString()
  @MaxLength(40)
  start!: string;

  @IsDefined()
  @IsString()
  @MaxLength(40)
  end!: string;

  @IsOptional()
  filters?: unknown;
}
