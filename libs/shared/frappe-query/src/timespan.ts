import { invalid, shown } from './client-input.js';
import {
  addDays,
  addMonths,
  type CivilDate,
  monthEnd,
  monthStart,
  quarterEnd,
  quarterStart,
  siteDate,
  weekStart,
  yearEnd,
  yearStart,
} from './site-time.js';

/** Both ends inclusive, as Frappe's `get_timespan_date_range` returns them. */
export interface DayRange {
  from: CivilDate;
  to: CivilDate;
}

type RangeOf = (today: CivilDate) => [CivilDate, CivilDate];

const week = (day: CivilDate): [CivilDate, CivilDate] => [
  weekStart(day),
  addDays(weekStart(day), 6),
];
const month = (day: CivilDate): [CivilDate, CivilDate] => [monthStart(day), monthEnd(day)];
const quarter = (day: CivilDate): [CivilDate, CivilDate] => [quarterStart(day), quarterEnd(day)];
const year = (day: CivilDate): [CivilDate, CivilDate] => [yearStart(day), yearEnd(day)];

// Frappe v16 `frappe.utils.data.get_timespan_date_range`, with Monday as the first weekday.
const TIMESPANS: Record<string, RangeOf> = {
  today: (today) => [today, today],
  yesterday: (today) => [addDays(today, -1), addDays(today, -1)],
  tomorrow: (today) => [addDays(today, 1), addDays(today, 1)],
  'this week': week,
  'this month': month,
  'this quarter': quarter,
  'this year': year,
  'last week': (today) => week(addDays(today, -7)),
  'last month': (today) => month(addMonths(today, -1)),
  'last quarter': (today) => quarter(addMonths(today, -3)),
  'last 6 months': (today) => [
    quarterStart(addMonths(today, -6)),
    quarterEnd(addMonths(today, -3)),
  ],
  'last year': (today) => year(addMonths(today, -12)),
  'next week': (today) => week(addDays(today, 7)),
  'next month': (today) => month(addMonths(today, 1)),
  'next quarter': (today) => quarter(addMonths(today, 3)),
  'next 6 months': (today) => [quarterStart(addMonths(today, 3)), quarterEnd(addMonths(today, 6))],
  'next year': (today) => year(addMonths(today, 12)),
};

// The legacy `previous` / `next` operators name a period that maps onto a timespan.
const PERIODS: Record<string, string> = {
  '1 week': 'week',
  '1 month': 'month',
  '3 months': 'quarter',
  '6 months': '6 months',
  '1 year': 'year',
};

const LAST_OR_NEXT_DAYS = /^(last|next) (\d{1,4}) days?$/;

export function timespanRange(value: unknown, now: Date, timeZone: string): DayRange {
  const key = typeof value === 'string' ? value.trim().toLowerCase().replace(/\s+/g, ' ') : '';
  const today = siteDate(now, timeZone);
  const named = Object.hasOwn(TIMESPANS, key) ? TIMESPANS[key] : undefined;
  if (named) {
    const [from, to] = named(today);
    return { from, to };
  }
  // "last 7 days" is the seven days before today plus today, as in Frappe v16.
  const days = LAST_OR_NEXT_DAYS.exec(key);
  if (days) {
    const count = Number(days[2]);
    return days[1] === 'last'
      ? { from: addDays(today, -count), to: today }
      : { from: today, to: addDays(today, count) };
  }
  throw invalid(`Unsupported timespan: ${shown(value)}`);
}

export function periodRange(
  operator: 'previous' | 'next',
  value: unknown,
  now: Date,
  timeZone: string,
): DayRange {
  const key = typeof value === 'string' ? value.trim().toLowerCase().replace(/\s+/g, ' ') : '';
  const period = Object.hasOwn(PERIODS, key) ? PERIODS[key] : undefined;
  if (!period) {
    throw invalid(`Unsupported period for ${operator}: ${shown(value)}`);
  }
  return timespanRange(`${operator === 'previous' ? 'last' : 'next'} ${period}`, now, timeZone);
}
