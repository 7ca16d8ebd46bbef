import { localDate } from './local-day.js';
import { isCounted, type TicketFacts } from './ticket-facts.js';

/**
 * The rollups the dashboards read instead of the tickets: sums per site-local day, kept by adding
 * each ticket's contribution and taking back the one it made before it changed.
 *
 * - `ticket_day`: by creation day, per team (`by_team` false: every team) and assignee ('' =
 *   anyone); `facet` '' holds the figures, the facets count tickets per team, type, priority and
 *   channel for the breakdown charts.
 * - `feedback_day`: by resolution day, per team and assignee: resolved and rated tickets.
 * - `scope_day`: by creation day, per agent, customer or contact: the ticket stats' figures.
 */
export type RollupTable = 'ticket_day' | 'feedback_day' | 'scope_day';
export type Facet = '' | 'team' | 'type' | 'priority' | 'channel';
export type StatsScope = 'agent' | 'customer' | 'contact';

export const ROLLUP_KEYS: Readonly<Record<RollupTable, readonly string[]>> = {
  ticket_day: ['by_team', 'team', 'assignee', 'facet', 'value', 'day'],
  feedback_day: ['by_team', 'team', 'assignee', 'day'],
  scope_day: ['scope', 'value', 'day'],
};

export const ROLLUP_MEASURES: Readonly<Record<RollupTable, readonly string[]>> = {
  ticket_day: [
    'created',
    'open_count',
    'resolved',
    'fulfilled',
    'first_response_sum',
    'first_response_count',
    'resolution_days_sum',
    'resolution_days_count',
  ],
  feedback_day: ['resolved_on', 'rated', 'rating_sum'],
  scope_day: [
    'created',
    'failed',
    'first_response_sum',
    'first_response_count',
    'responded_sum',
    'responded_count',
    'resolution_sum',
    'resolution_count',
    'rated',
    'rating_sum',
    'star_0',
    'star_1',
    'star_2',
    'star_3',
    'star_4',
    'star_5',
  ],
};

export type RollupKey = readonly (string | boolean)[];

export interface RollupCell {
  table: RollupTable;
  /** The key's column values in `ROLLUP_KEYS` order. */
  key: RollupKey;
  measures: Readonly<Record<string, number>>;
}

const DAY_SECONDS = 86_400;

/** A rating in hundredths: the figure is stored as Frappe stores it (decimal, two places). */
export function ratingHundredths(rating: number): number {
  return Math.round(rating * 100);
}

/** `ROUND(rating × 5)`: the stars a rating shows, half away from zero as MySQL rounds. */
export function starsOf(rating: number): number {
  return Math.round(ratingHundredths(rating) / 20);
}

/** What one ticket adds to the rollups as it stands; nothing for a deleted or unopened one. */
export function contributionsOf(facts: TicketFacts, timeZone: string): RollupCell[] {
  if (!isCounted(facts)) return [];
  const cells: RollupCell[] = [];
  const teams: [boolean, string][] = [
    [false, ''],
    [true, facts.team ?? ''],
  ];
  const assignees = ['', ...new Set(facts.assignees)];
  const created = localDate(facts.creation, timeZone);
  const resolved = facts.statusCategory === 'Resolved';
  const rated = facts.feedbackRating !== null && facts.feedbackRating > 0;
  const responded = facts.firstRespondedOn !== null && facts.firstResponseTime !== null;
  const resolutionKnown = resolved && facts.resolutionTime !== null;
  const figures = {
    created: 1,
    open_count: facts.statusCategory === 'Open' ? 1 : 0,
    resolved: resolved ? 1 : 0,
    fulfilled: facts.agreementStatus === 'Fulfilled' ? 1 : 0,
    first_response_sum: responded ? facts.firstResponseTime! : 0,
    first_response_count: responded ? 1 : 0,
    resolution_days_sum: resolutionKnown ? Math.ceil(facts.resolutionTime! / DAY_SECONDS) : 0,
    resolution_days_count: resolutionKnown ? 1 : 0,
  };
  const facets: [Facet, string][] = [
    ['team', facts.team ?? ''],
    ['type', facts.ticketType ?? ''],
    ['priority', facts.priority ?? ''],
    ['channel', facts.viaCustomerPortal ? 'Portal' : 'Email'],
  ];
  for (const [byTeam, team] of teams) {
    for (const assignee of assignees) {
      cells.push({
        table: 'ticket_day',
        key: [byTeam, team, assignee, '', '', created],
        measures: figures,
      });
      for (const [facet, value] of facets) {
        cells.push({
          table: 'ticket_day',
          key: [byTeam, team, assignee, facet, value, created],
          measures: { created: 1 },
        });
      }
      if (facts.resolutionDate !== null) {
        cells.push({
          table: 'feedback_day',
          key: [byTeam, team, assignee, localDate(facts.resolutionDate, timeZone)],
          measures: {
            resolved_on: 1,
            rated: rated ? 1 : 0,
            rating_sum: rated ? ratingHundredths(facts.feedbackRating!) : 0,
          },
        });
      }
    }
  }
  const stats = scopeFigures(facts, resolutionKnown, rated);
  const scopes: [StatsScope, string | null][] = [
    ['customer', facts.customer],
    ['contact', facts.contact],
    ...[...new Set(facts.assignees)].map((agent): [StatsScope, string] => ['agent', agent]),
  ];
  for (const [scope, value] of scopes) {
    if (value) cells.push({ table: 'scope_day', key: [scope, value, created], measures: stats });
  }
  return cells;
}

function scopeFigures(
  facts: TicketFacts,
  resolutionKnown: boolean,
  rated: boolean,
): Record<string, number> {
  const firstResponse = facts.firstResponseTime;
  const stars = rated ? starsOf(facts.feedbackRating!) : -1;
  const figures: Record<string, number> = {
    created: 1,
    failed: facts.agreementStatus === 'Failed' ? 1 : 0,
    first_response_sum: firstResponse ?? 0,
    first_response_count: firstResponse !== null ? 1 : 0,
    responded_sum: firstResponse !== null && facts.firstRespondedOn !== null ? firstResponse : 0,
    responded_count: firstResponse !== null && facts.firstRespondedOn !== null ? 1 : 0,
    resolution_sum: resolutionKnown ? facts.resolutionTime! : 0,
    resolution_count: resolutionKnown ? 1 : 0,
    rated: rated ? 1 : 0,
    rating_sum: rated ? ratingHundredths(facts.feedbackRating!) : 0,
  };
  for (let star = 0; star <= 5; star++) figures[`star_${star}`] = star === stars ? 1 : 0;
  return figures;
}

/**
 * Changes to the rollups summed over many tickets (a batch of events): per cell, what to add.
 * Cells that net to nothing are left out.
 */
export class RollupDelta {
  private readonly cells = new Map<
    string,
    { table: RollupTable; key: RollupKey; measures: Record<string, number> }
  >();

  /** Records that a ticket went from `before` to `after`. */
  change(before: TicketFacts | undefined, after: TicketFacts, timeZone: string): void {
    if (before) this.add(contributionsOf(before, timeZone), -1);
    this.add(contributionsOf(after, timeZone), 1);
  }

  add(cells: readonly RollupCell[], sign: 1 | -1): void {
    for (const cell of cells) {
      const id = `${cell.table}\u0001${JSON.stringify(cell.key)}`;
      let entry = this.cells.get(id);
      if (!entry) {
        entry = { table: cell.table, key: cell.key, measures: {} };
        this.cells.set(id, entry);
      }
      for (const [name, value] of Object.entries(cell.measures)) {
        if (value !== 0) entry.measures[name] = (entry.measures[name] ?? 0) + sign * value;
      }
    }
  }

  /** The cells of one table that change, in one order every replica shares (fewer deadlocks). */
  of(table: RollupTable): RollupCell[] {
    return [...this.cells.entries()]
      .filter(
        ([, cell]) => cell.table === table && Object.values(cell.measures).some((v) => v !== 0),
      )
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, cell]) => cell);
  }
}
