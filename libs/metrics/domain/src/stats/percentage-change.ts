import { pythonRound } from '../python-rounding.js';

/**
 * `calculate_percentage_change` (helpdesk-behaviour §5.2): the change in percent to two places;
 * none (null) when there was nothing before but is something now; 0 when both are nothing.
 */
export function percentageChange(current: number, previous: number): number | null {
  if (previous > 0) return pythonRound(((current - previous) / previous) * 100, 2);
  if (current > 0) return null;
  return 0;
}
