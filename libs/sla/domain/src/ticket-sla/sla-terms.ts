import type { WorkingCalendar } from '@helpdesk/shared-working-time';

/** What the ticket's SLA promises for the ticket's current priority. Budgets in working seconds. */
export interface SlaTerms {
  readonly calendar: WorkingCalendar;
  /** The priority row's `response_time`. */
  readonly responseTime: number;
  /** The priority row's `resolution_time`; without one there is no resolution deadline. */
  readonly resolutionTime: number | null;
  readonly applySlaForResolution: boolean;
}
