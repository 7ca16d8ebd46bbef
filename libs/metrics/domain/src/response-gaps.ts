import { workingSecondsBetween, type WorkingCalendar } from '@helpdesk/shared-working-time';
import type { Conversation } from './conversation.js';

/** A customer message and the first agent reply written after it. */
export interface ResponseGap {
  asked: Date;
  answered: Date;
}

/**
 * Every customer message that an agent reply followed, paired with the first such reply. Several
 * customer messages before one reply each wait for that reply; messages not yet answered have no
 * gap. Messages written in the same millisecond are taken in the order the ticket recorded them.
 */
export function responseGaps(conversation: Conversation): ResponseGap[] {
  const ordered = Object.entries(conversation.messages)
    .map(([id, message]) => ({ id, ...message, time: Date.parse(message.at) }))
    .sort(
      (a, b) =>
        a.time - b.time ||
        (a.position ?? 0) - (b.position ?? 0) ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
  const gaps: ResponseGap[] = [];
  let waiting: Date[] = [];
  for (const message of ordered) {
    if (message.direction === 'received') {
      waiting.push(new Date(message.time));
    } else {
      const answered = new Date(message.time);
      for (const asked of waiting) gaps.push({ asked, answered });
      waiting = [];
    }
  }
  return gaps;
}

/**
 * `avg_response_time`: the mean of the response gaps in working seconds of `calendar` (the
 * ticket's SLA), or in plain seconds for a ticket without one; null while no customer message
 * has been answered. Rounded to hundredths, as Frappe rounds each response time.
 */
export function averageResponseTime(
  conversation: Conversation,
  calendar: WorkingCalendar | null,
): number | null {
  const gaps = responseGaps(conversation);
  if (gaps.length === 0) return null;
  const seconds = gaps.map(({ asked, answered }) =>
    calendar
      ? workingSecondsBetween(calendar, asked, answered)
      : Math.max(0, (answered.getTime() - asked.getTime()) / 1000),
  );
  const mean = seconds.reduce((sum, value) => sum + value, 0) / seconds.length;
  return Math.round(mean * 100) / 100;
}
