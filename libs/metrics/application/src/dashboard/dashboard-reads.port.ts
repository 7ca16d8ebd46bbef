import type {
  Breakdowns,
  CreationFigures,
  DashboardWindow,
  DateRange,
  FeedbackDay,
  FeedbackFigures,
  TrendDay,
} from '@helpdesk/metrics-domain';

/** Whose tickets a dashboard counts: one team's (`agent_group`), one agent's (`_assign`), or all. */
export interface DashboardScope {
  team: string | null;
  agent: string | null;
}

/** The trend's window: creation days from..to, and only tickets created strictly after `after`. */
export interface TrendRange extends DateRange {
  after: Date;
}

/** What the dashboards read from metrics-worker's rollups. */
export interface DashboardReads {
  /** Tickets created in each window, and rated tickets resolved in each. */
  numberCardFigures(
    scope: DashboardScope,
    window: DashboardWindow,
  ): Promise<{
    creation: { current: CreationFigures; previous: CreationFigures };
    feedback: { current: FeedbackFigures; previous: FeedbackFigures };
  }>;
  /** Per creation day and per resolution day of the range, oldest first. */
  trendFigures(
    scope: DashboardScope,
    range: TrendRange,
  ): Promise<{ tickets: TrendDay[]; feedback: FeedbackDay[] }>;
  /** Tickets created in the range per team, type, priority and channel. */
  breakdowns(scope: DashboardScope, range: DateRange): Promise<Breakdowns>;
}
