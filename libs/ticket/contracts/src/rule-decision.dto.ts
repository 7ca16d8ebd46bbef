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
  ValidateNested,
} from 'class-validator';
import { Type } from 'class-transformer';

/** ticket-service's request/reply subjects for other services (not the public API). */
export const TicketSubjects = {
  /** An Assignment Rule's decision for one ticket (assignment-rule-service → ticket-service). */
  applyAssignmentRule: 'ticket.command.apply-assignment-rule',
  /** sla-service's reckoning of one ticket's SLA fields (sla-service → ticket-service). */
  applySla: 'ticket.command.apply-sla',
  /** The metrics workers' conversation metrics of one ticket (metrics-worker → ticket-service). */
  applyResponseMetrics: 'ticket.command.apply-response-metrics',
  /** Open and Paused tickets per contact (agent-service's HD Customer `get_contacts`). */
  openTicketCounts: 'ticket.query.open-ticket-counts',
  /** Who may see one ticket now (realtime's fan-out and its `view_ticket` check). */
  ticketAudience: 'ticket.query.audience',
} as const;

/** A Contact and its email addresses: its tickets name it, or were raised from one of them. */
export class ContactTicketsRef {
  @IsString()
  @MaxLength(140)
  name!: string;

  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  emails!: string[];
}

/** Which contacts to count open tickets for. */
export class OpenTicketCountsDto {
  @IsArray()
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => ContactTicketsRef)
  contacts!: ContactTicketsRef[];
}

/** Every asked contact with its count of Open or Paused tickets (0 when none). */
export interface OpenTicketCounts {
  counts: Record<string, number>;
}

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
