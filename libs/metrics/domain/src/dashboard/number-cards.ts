/** What the rollups sum over tickets created in one window (helpdesk-behaviour §5.1). */
export interface CreationFigures {
  created: number;
  /** In a Resolved-category status. */
  resolved: number;
  /** `agreement_status` Fulfilled. */
  fulfilled: number;
  /** Working seconds of first response, over tickets with `first_responded_on`. */
  firstResponseSum: number;
  firstResponseCount: number;
  /** Resolution time of resolved tickets, each rounded up to whole days. */
  resolutionDaysSum: number;
  resolutionDaysCount: number;
}

/** Rated tickets (rating > 0) whose `resolution_date` falls in one window; ratings in hundredths. */
export interface FeedbackFigures {
  rated: number;
  ratingSum: number;
}

export const NO_CREATION_FIGURES: CreationFigures = {
  created: 0,
  resolved: 0,
  fulfilled: 0,
  firstResponseSum: 0,
  firstResponseCount: 0,
  resolutionDaysSum: 0,
  resolutionDaysCount: 0,
};

export interface NumberCard {
  title: string;
  value: number;
  delta: number;
  deltaSuffix: string;
  suffix?: string;
  negativeIsBetter?: boolean;
  tooltip: string;
}

const average = (sum: number, count: number) => (count > 0 ? sum / count : 0);
/** Average stars (0–5) of ratings summed in hundredths. */
export const averageStars = (ratingSum: number, rated: number) => average(ratingSum, rated) / 20;

/**
 * The five number cards, each comparing the window with the one before it: a count and its
 * change in percent, a share and its change in points, two averages and their plain difference
 * (none when the previous window had no average), and the feedback stars.
 */
export function numberCards(
  current: CreationFigures,
  previous: CreationFigures,
  feedback: { current: FeedbackFigures; previous: FeedbackFigures },
): NumberCard[] {
  const fulfilledShare = (f: CreationFigures) =>
    f.resolved > 0 ? (f.fulfilled / f.resolved) * 100 : 0;
  const firstResponseHours = (f: CreationFigures) =>
    average(f.firstResponseSum / 3600, f.firstResponseCount);
  const resolutionDays = (f: CreationFigures) =>
    average(f.resolutionDaysSum, f.resolutionDaysCount);
  const since = (now: number, before: number) => (before ? now - before : 0);
  const stars = (f: FeedbackFigures) => averageStars(f.ratingSum, f.rated);
  return [
    {
      title: 'Tickets',
      value: current.created,
      delta: previous.created ? ((current.created - previous.created) / previous.created) * 100 : 0,
      deltaSuffix: '%',
      negativeIsBetter: true,
      tooltip: 'Total number of tickets created',
    },
    {
      title: '% SLA Fulfilled',
      value: fulfilledShare(current),
      suffix: '%',
      delta: fulfilledShare(current) - fulfilledShare(previous),
      deltaSuffix: '%',
      tooltip: '% of tickets created that were resolved within SLA',
    },
    {
      title: 'Avg. First Response',
      value: firstResponseHours(current),
      suffix: ' hrs',
      delta: since(firstResponseHours(current), firstResponseHours(previous)),
      deltaSuffix: ' hrs',
      negativeIsBetter: true,
      tooltip: 'Avg. time taken to first respond to a ticket',
    },
    {
      title: 'Avg. Resolution',
      value: resolutionDays(current),
      suffix: ' days',
      delta: since(resolutionDays(current), resolutionDays(previous)),
      deltaSuffix: ' days',
      negativeIsBetter: true,
      tooltip: 'Avg. time taken to resolve a ticket',
    },
    {
      title: 'Avg. Feedback Rating',
      value: stars(feedback.current),
      suffix: '/5',
      delta: stars(feedback.current) - stars(feedback.previous),
      deltaSuffix: ' stars',
      tooltip: 'Avg. feedback rating for the tickets resolved',
    },
  ];
}
