import 'reflect-metadata';
import { ChildRowDto } from '@helpdesk/agent-contracts';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsDefined,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

const CHECK = [0, 1, true, false];
const MAX_INT = 2_147_483_647;
const MAX_CONDITION = 10_000;
const MAX_ROWS = 1000;
/** 1000 users of this weight keep Weighted Distribution's place within an Int. */
const MAX_WEIGHT = 1_000_000;

/** Frappe casts an Int field sent as text ("2", as Helpdesk's priority select sends it). */
function intText({ value }: { value: unknown }): unknown {
  return typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value) ? Number(value) : value;
}

/** One row of `users` (Assignment Rule User). */
export class AssignmentRuleUserDto extends ChildRowDto {
  @IsDefined()
  @IsString()
  @MaxLength(140)
  user!: string;
}

/** One row of `weighted_users`: the user and how many tickets in a row they take. */
export class AssignmentRuleWeightedUserDto extends ChildRowDto {
  @IsDefined()
  @IsString()
  @MaxLength(140)
  user!: string;

  /** Whole numbers only; the rule refuses a fraction or less than 1 with Frappe's row message. */
  @IsOptional()
  @Transform(intText)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Max(MAX_WEIGHT)
  weight?: number | null;
}

/** One row of `assignment_days` (Assignment Rule Day). */
export class AssignmentRuleDayDto extends ChildRowDto {
  @IsDefined()
  @IsString()
  @MaxLength(20)
  day!: string;
}

/**
 * The fields a client may send for an Assignment Rule, by Frappe name. `last_user` and
 * `current_index` are read-only: accepted so a document read and saved back passes, and
 * ignored, as the rule's place only moves by assigning.
 */
class AssignmentRuleFieldsDto {
  @IsOptional()
  @IsString()
  @MaxLength(140)
  document_type?: string | null;

  @IsOptional()
  @IsString()
  @MaxLength(MAX_CONDITION)
  description?: string | null;

  /** Whole numbers only; the rule refuses a fraction with "Priority must be a whole number". */
  @IsOptional()
  @Transform(intText)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-MAX_INT)
  @Max(MAX_INT)
  priority?: number | null;

  @IsOptional()
  @IsIn(CHECK)
  disabled?: 0 | 1 | boolean | null;

  @IsOptional()
  @IsString()
  @MaxLength(140)
  rule?: string | null;

  @IsOptional()
  @IsString()
  @MaxLength(140)
  field?: string | null;

  @IsOptional()
  @IsString()
  @MaxLength(140)
  due_date_based_on?: string | null;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_ROWS)
  @ValidateNested({ each: true })
  @Type(() => AssignmentRuleUserDto)
  users?: AssignmentRuleUserDto[] | null;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_ROWS)
  @ValidateNested({ each: true })
  @Type(() => AssignmentRuleWeightedUserDto)
  weighted_users?: AssignmentRuleWeightedUserDto[] | null;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => AssignmentRuleDayDto)
  assignment_days?: AssignmentRuleDayDto[] | null;

  @IsOptional()
  @IsString()
  @MaxLength(MAX_CONDITION)
  assign_condition?: string | null;

  @IsOptional()
  @IsString()
  @MaxLength(MAX_CONDITION)
  unassign_condition?: string | null;

  @IsOptional()
  @IsString()
  @MaxLength(MAX_CONDITION)
  close_condition?: string | null;

  /** Helpdesk's condition editor: `JSON.stringify` of its condition list. */
  @IsOptional()
  @IsString()
  @MaxLength(MAX_CONDITION)
  assign_condition_json?: string | null;

  @IsOptional()
  @IsString()
  @MaxLength(MAX_CONDITION)
  unassign_condition_json?: string | null;

  @IsOptional()
  @IsString()
  @MaxLength(140)
  last_user?: string | null;

  @IsOptional()
  @IsInt()
  current_index?: number | null;
}

/**
 * Body of `POST /api/resource/Assignment Rule` (`frappe.client.insert`). Assignment Rule is named
 * by prompt: `name` as Helpdesk's form sends it, or `__newname` as Frappe's desk does; `name`
 * wins when both are given, as in Frappe.
 */
export class CreateAssignmentRuleDto extends AssignmentRuleFieldsDto {
  @IsOptional()
  @IsIn(['Assignment Rule'])
  doctype?: string;

  @IsOptional()
  @IsString()
  @MaxLength(140)
  name?: string | null;

  @IsOptional()
  @IsString()
  @MaxLength(140)
  __newname?: string | null;

  /** Helpdesk's form sends its own state along (the name field, a loading flag); ignored. */
  @IsOptional()
  @IsString()
  @MaxLength(140)
  assignment_rule_name?: string | null;

  @IsOptional()
  @IsIn(CHECK)
  loading?: 0 | 1 | boolean;
}

/**
 * Changes of `PUT /api/resource/Assignment Rule/<name>`; a whole document saved back is accepted
 * (its standard fields are dropped before this). A rule keeps its name: renaming is not an update.
 */
export class UpdateAssignmentRuleDto extends AssignmentRuleFieldsDto {}
