import type { RequestContext } from '@helpdesk/shared-messaging';
import type { DateRange, StatsScope, Summed } from '@helpdesk/metrics-domain';

/** One creation day's figures of an agent's, customer's or contact's tickets. */
export interface ScopeFigures {
  created: number;
  /** `agreement_status` Failed. */
  failed: number;
  /** Every set `first_response_time`. */
  firstResponse: Summed;
  /** `first_response_time` of tickets with `first_responded_on`. */
  responded: Summed;
  /** `resolution_time` of tickets in a Resolved-category status. */
  resolution: Summed;
  rated: number;
  /** Ratings in hundredths. */
  ratingSum: number;
  /** Index n: rated tickets showing n stars. */
  stars: number[];
}

export interface ScopeDay extends ScopeFigures {
  date: string;
}

/** A rated ticket of an agent's, as the agent home's feedback list shows it. */
export interface RatedTicket {
  name: number;
  subject: string | null;
  feedback_rating: number;
  feedback: string | null;
  feedback_extra: string | null;
  contact: string | null;
  /** ISO-8601. */
  modified: string;
}

/** A contact's name and picture, for the rows that show who gave feedback. */
export interface ContactCard {
  full_name: string | null;
  image: string | null;
}

/** Contacts by name, from their owner, as the asking agent may read them. */
export interface ContactCards {
  cardsOf(names: string[], context: RequestContext): Promise<ReadonlyMap<string, ContactCard>>;
}

/** What the ticket stats and the agent home read from metrics-worker's rollups and facts. */
export interface StatsReads {
  /** The days of the range with tickets, oldest first. */
  scopeDays(scope: StatsScope, value: string, range: DateRange): Promise<ScopeDay[]>;
  /** Sums over the range, or over all time (null). */
  scopeTotals(scope: StatsScope, value: string, range: DateRange | null): Promise<ScopeFigures>;
  /**
   * An agent's rated tickets created in the range (open ends when null), best rated first (or
   * worst), then the most recently modified.
   */
  ratedTickets(
    agent: string,
    range: { from: string | null; to: string | null },
    order: 'best' | 'worst',
    limit: number,
  ): Promise<RatedTicket[]>;
}

export const NO_SCOPE_FIGURES: ScopeFigures = {
  created: 0,
  failed: 0,
  firstResponse: { sum: 0, count: 0 },
  responded: { sum: 0, count: 0 },
  resolution: { sum: 0, count: 0 },
  rated: 0,
  ratingSum: 0,
  stars: [0, 0, 0, 0, 0, 0],
};
