import type { TicketFeedbackGiven } from '../events/field.events.js';
import type { TicketEventMeta } from '../events/lifecycle.events.js';
import type { TicketLookups } from '../ticket.context.js';
import { TicketRuleViolation } from '../ticket-rule-violation.js';
import type { ExistingTicket } from '../ticket.state.js';
import { blankToNull, linkNotFound } from './guards.js';
import type { TicketChanges } from './ticket-changes.js';

/**
 * `feedback`, `feedback_rating` and `feedback_extra` change together. `set_feedback_values`
 * copies the option's rating on every save, so while an option is set a rating sent on its own
 * has no effect; without one (the email feedback form) the rating is taken as sent.
 */
export function feedbackChanges(
  ticket: ExistingTicket,
  changes: TicketChanges,
  lookups: Pick<TicketLookups, 'feedbackRatingOf'>,
  meta: TicketEventMeta,
): TicketFeedbackGiven[] {
  const { feedback: givenOption, feedbackRating: givenRating, feedbackExtra: givenExtra } = changes;
  if (givenOption === undefined && givenRating === undefined && givenExtra === undefined) return [];
  const feedback = givenOption === undefined ? ticket.feedback : blankToNull(givenOption);
  let feedbackRating = givenRating === undefined ? ticket.feedbackRating : givenRating;
  if (givenOption !== undefined && feedback !== null) {
    const rating = lookups.feedbackRatingOf(feedback);
    if (rating === undefined) throw linkNotFound('Feedback (Option)', feedback, 'feedback');
    feedbackRating = rating;
  } else if (feedback !== null) {
    feedbackRating = ticket.feedbackRating;
  }
  const feedbackExtra = givenExtra === undefined ? ticket.feedbackExtra : blankToNull(givenExtra);
  const unchanged =
    feedback === ticket.feedback &&
    feedbackRating === ticket.feedbackRating &&
    feedbackExtra === ticket.feedbackExtra;
  if (unchanged) return [];
  return [
    { type: 'TicketFeedbackGiven', data: { ...meta, feedback, feedbackRating, feedbackExtra } },
  ];
}

/**
 * `validate_feedback`: with `is_feedback_mandatory`, a non-agent may only leave a ticket in a
 * Resolved status once it is rated, if an agent has replied on it.
 */
export function assertResolvedWithFeedback(
  after: ExistingTicket,
  actorIsAgent: boolean,
  isFeedbackMandatory: boolean,
): void {
  if (!isFeedbackMandatory || actorIsAgent || !after.agentHasReplied) return;
  if (after.statusCategory !== 'Resolved' || after.feedbackRating) return;
  throw new TicketRuleViolation('invalid', 'Ticket must be resolved with a feedback', ['feedback']);
}
