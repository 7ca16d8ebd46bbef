import 'reflect-metadata';
import { IsDefined, IsInt, IsObject, Min } from 'class-validator';

/** The conversation metrics of one ticket as the metrics workers compute them (by Frappe name). */
export interface ResponseMetricsV1 {
  /** Mean working seconds from each customer message to the next agent reply; null before one. */
  avg_response_time: number | null;
}

/**
 * metrics-worker → ticket-service (`TicketSubjects.applyResponseMetrics`): the metrics as of
 * `revision` of the worker's copy of the ticket's conversation. Revisions only grow, so an older
 * one than the last applied is void and sending one twice is harmless.
 */
export class ApplyResponseMetricsDto {
  @IsInt()
  @Min(1)
  ticket!: number;

  @IsInt()
  @Min(1)
  revision!: number;

  @IsDefined()
  @IsObject()
  fields!: ResponseMetricsV1;
}

/** Whether the metrics changed the ticket; `false` when void, unchanged, or the ticket is gone. */
export interface AppliedResponseMetrics {
  applied: boolean;
}
