/**
 * Frappe renders datetimes as naive `YYYY-MM-DD HH:mm:ss.SSSSSS` in the site's zone. We store UTC
 * instants and render them in the configured zone on the way out.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

function parts(instant: Date, timeZone: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) out[part.type] = part.value;
  return out;
}

export function formatFrappeDatetime(instant: Date, timeZone: string): string {
  const p = parts(instant, timeZone);
  const micros = String(instant.getUTCMilliseconds()).padStart(3, '0') + '000';
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}.${micros}`;
}

export function formatFrappeDate(instant: Date, timeZone: string): string {
  const p = parts(instant, timeZone);
  return `${p.year}-${p.month}-${p.day}`;
}
