import 'reflect-metadata';
import {
  ArrayMaxSize,
  IsArray,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  MaxLength,
  Min,
} from 'class-validator';

/** ticket-service's request/reply subjects for other services (not the public API). */
export const TicketSubjects = {
  /** An Assignment Rule's decision for one ticket (assignment-rule-service → ticket-service). */
  applyAssignmentRule: 'ticket.command.apply-assignment-rule',
} as const;

/**
 * Cancel `cancel`, then assign `assign`, by the rule `rule`, if the ticket's assignees are still
 * `expectedAssignees` (what the rule saw). Sending it twice is harmless.
 */
export class ApplyAssignmentRuleDto {
  @IsInt()
  @Min(1)
  ticket!: number;

  @IsString()
  @IsNotEmpty()
  @MaxLength(140)
  rule!: string;

  @IsArray()
  @ArrayMaxSize(1000)
  @IsString({ each: true })
  expectedAssignees!: string[];

  @IsArray()
  @ArrayMaxSize(1000)
  @IsString({ each: true })
  cancel!: string[];

  @IsOptional()
  @IsString()
  @MaxLength(140)
  assign?: string | null;
}

/** Whether the decision changed the ticket; `false` when it was void or already applied. */
export interface AppliedRuleDecision {
  applied: boolean;
}
