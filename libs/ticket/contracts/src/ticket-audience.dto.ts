import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsInt, Min } from 'class-validator';

/** Asks ticket-service who may see a ticket (`TicketSubjects.ticketAudience`). */
export class TicketAudienceDto {
  @Type(() => Number)
  @IsInt()
  @Min(1)
  ticket!: number;
}

/**
 * Everyone HD Ticket's permission rule (frappe-api §1.1.6) lets read one ticket, as of the moment
 * of asking. A user is an agent when their roles include an agent role; the same rule that filters
 * ticket lists decides this, so a realtime event reaches exactly the readers of its ticket.
 */
export interface TicketAudienceV1 {
  ticket: number;
  /** `false` when the ticket does not exist (deleted or never created); the lists are then empty. */
  exists: boolean;
  /** Every agent may read it: teams do not restrict it (HD Settings), or it has no team and those are open. */
  everyAgent: boolean;
  /**
   * Agents who may read it individually: Administrator, its assignees, its owner/raiser/contact
   * when they are agents and, when teams restrict it, the members of its team and of every team
   * that ignores restrictions (enabled teams only).
   */
  agents: string[];
  /** The agents among its assignees (`_assign`), who are in `agents` too: they hear of its changes. */
  assignees: string[];
  /**
   * Users who are not agents and may read it: its owner, raiser and contact, and the managers of
   * its customer. They never see internal notes.
   */
  customers: string[];
}
