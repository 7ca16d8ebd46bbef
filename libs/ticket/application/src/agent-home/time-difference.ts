/** Whether a difference counts time since an instant or time left until it. */
export type TimeDifferenceSense = 'ago' | 'until';

const HOUR = 3600;
const DAY = 86_400;

/**
 * Frappe Helpdesk's short age of an instant (`format_time_difference`): whole minutes under an
 * hour, whole hours under a day, else whole days ("5m", "3h", "2d"). An instant on the wrong side
 * of now is "0m" when counting since it, and "overdue" when counting until it.
 */
export function timeDifference(
  instant: Date,
  now: Date,
  sense: TimeDifferenceSense = 'ago',
): string {
  const seconds =
    sense === 'until'
      ? (instant.getTime() - now.getTime()) / 1000
      : (now.getTime() - instant.getTime()) / 1000;
  if (seconds < 0) return sense === 'until' ? 'overdue' : '0m';
  if (seconds < HOUR) return `${Math.floor(seconds / 60)}m`;
  if (seconds < DAY) return `${Math.floor(seconds / HOUR)}h`;
  return `${Math.floor(seconds / DAY)}d`;
}
