import { addDays, datesFrom, type DateRange } from '../dashboard/index.js';
import { percentageChange } from './percentage-change.js';
import { dailyCounts, type DailyCounts } from './stats-figures.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * `get_sla_violations`: Failed tickets created in the window, per day for a week, per ISO week
 * (Monday to Sunday, labelled "Mar 2 – Mar 8") up to 90 days, else per month for the last
 * `days // 30` months ("Mar 2025"); the total counts the whole window either way.
 */
export function slaViolations(
  days: number,
  window: DateRange,
  daily: ReadonlyMap<string, number>,
  previousTotal: number,
): DailyCounts {
  if (days <= 7) return dailyCounts(window, daily, previousTotal);
  const inWindow = datesFrom(window.from, window.to);
  const total = inWindow.reduce((sum, date) => sum + (daily.get(date) ?? 0), 0);
  const countWhere = (belongs: (date: string) => boolean) =>
    inWindow.filter(belongs).reduce((sum, date) => sum + (daily.get(date) ?? 0), 0);
  const data: { date: string; count: number }[] = [];
  if (days <= 90) {
    for (let monday = mondayOf(window.from); monday <= window.to; monday = addDays(monday, 7)) {
      const sunday = addDays(monday, 6);
      data.push({
        date: `${dayLabel(monday)} – ${dayLabel(sunday)}`,
        count: countWhere((date) => date >= monday && date <= sunday),
      });
    }
  } else {
    const [year, month] = window.to.split('-').map(Number) as [number, number];
    for (let back = Math.floor(days / 30) - 1; back >= 0; back--) {
      const index = year * 12 + (month - 1) - back;
      const prefix = `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
      data.push({
        date: `${MONTHS[index % 12]} ${Math.floor(index / 12)}`,
        count: countWhere((date) => date.startsWith(prefix)),
      });
    }
  }
  return { data, total, percentage_change: percentageChange(total, previousTotal) };
}

function mondayOf(date: string): string {
  const weekday = (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
  return addDays(date, -weekday);
}

/** `%b %-d`: "Mar 2". */
function dayLabel(date: string): string {
  const [, month, day] = date.split('-').map(Number) as [number, number, number];
  return `${MONTHS[month - 1]} ${day}`;
}

export function monthLabel(yearMonth: string): string {
  return MONTHS[Number(yearMonth.slice(5, 7)) - 1]!;
}
