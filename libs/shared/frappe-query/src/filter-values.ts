import { invalid, shown } from './client-input.js';
import type { QueryField, ValueKind } from './doctype-meta.js';
import type { Scalar } from './filter-shapes.js';
import { type CivilDate, daysInMonth, siteDate, siteTimeToInstant, utcMs } from './site-time.js';

/**
 * A client value converted for one field: `param` is what gets bound, `key` a JS-comparable form
 * used to decide whether the field's empty value (what NULL stands for) satisfies a condition.
 */
export interface BoundValue {
  param: unknown;
  key: number | string;
  /** Set when a Datetime field received a date without a time. */
  day?: CivilDate;
}

/** The Postgres type every bind parameter is cast to, so inference never depends on the value. */
export const CAST: Record<ValueKind, string> = {
  text: 'text',
  json: 'text',
  int: 'bigint',
  float: 'float8',
  bool: 'boolean',
  date: 'date',
  datetime: 'timestamptz',
  time: 'time',
};

const DAY_MS = 86_400_000;
const EARLIEST = utcMs(1, 1, 1);
const LATEST = utcMs(9999, 12, 31);

/** What NULL compares as under Frappe's `ifnull(column, fallback)`. */
export const EMPTY: Record<ValueKind, BoundValue> = {
  text: { param: '', key: '' },
  json: { param: '', key: '' },
  int: { param: 0, key: 0 },
  float: { param: 0, key: 0 },
  bool: { param: false, key: 0 },
  date: { param: '0001-01-01', key: EARLIEST / DAY_MS },
  datetime: { param: '0001-01-01T00:00:00.000000Z', key: EARLIEST },
  time: { param: '00:00:00', key: 0 },
};

const DATETIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;
const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?$/;

interface ParsedDatetime {
  date: CivilDate;
  time?: { hour: number; minute: number; second: number; micros: string };
  offsetMs?: number;
}

function parseDatetimeText(raw: string): ParsedDatetime | undefined {
  const match = DATETIME.exec(raw.trim());
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s, fraction, zone] = match;
  const [year, month, day] = [Number(y), Number(mo), Number(d)];
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return undefined;
  }
  const parsed: ParsedDatetime = { date: `${y}-${mo}-${d}` };
  if (h === undefined) return parsed;
  const time = { hour: Number(h), minute: Number(mi), second: Number(s ?? 0) };
  if (time.hour > 23 || time.minute > 59 || time.second > 59) return undefined;
  parsed.time = { ...time, micros: (fraction ?? '').slice(0, 6).padEnd(6, '0') };
  if (zone !== undefined && zone.toUpperCase() !== 'Z') {
    const digits = zone.replace(':', '');
    const hours = Number(digits.slice(1, 3));
    const minutes = Number(digits.slice(3) || 0);
    if (hours > 14 || minutes > 59) return undefined;
    parsed.offsetMs = (zone.startsWith('-') ? -1 : 1) * (hours * 60 + minutes) * 60_000;
  } else if (zone !== undefined) {
    parsed.offsetMs = 0;
  }
  return parsed;
}

function instantOf(parsed: ParsedDatetime, timeZone: string): number {
  const time = parsed.time ?? { hour: 0, minute: 0, second: 0, micros: '000000' };
  const local = { ...time, millisecond: Number(time.micros.slice(0, 3)) };
  if (parsed.offsetMs === undefined) return siteTimeToInstant(parsed.date, local, timeZone);
  const [year, month, day] = parsed.date.split('-').map(Number) as [number, number, number];
  return utcMs(year, month, day, local) - parsed.offsetMs;
}

/**
 * A client's datetime as an instant: Frappe's naive `YYYY-MM-DD[ HH:mm[:ss[.ffffff]]]` in the site
 * zone, or ISO-8601 with an offset. Undefined when it is neither.
 */
export function parseSiteDatetime(text: string, timeZone: string): Date | undefined {
  const parsed = parseDatetimeText(text);
  if (!parsed) return undefined;
  const ms = instantOf(parsed, timeZone);
  return ms < EARLIEST || ms > LATEST ? undefined : new Date(ms);
}

/** An instant as a timestamptz literal with microseconds (a JS Date stops at milliseconds). */
export function instantParam(ms: number, micros?: string): string {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 19)}.${micros ?? `${iso.slice(20, 23)}000`}Z`;
}

function refuse(field: QueryField, raw: unknown): never {
  throw invalid(`Invalid value for ${field.fieldname} (${field.fieldtype}): ${shown(raw)}`);
}

function datetimeValue(field: QueryField, raw: Scalar, timeZone: string): BoundValue {
  const parsed = typeof raw === 'string' ? parseDatetimeText(raw) : undefined;
  if (!parsed) return refuse(field, raw);
  const ms = instantOf(parsed, timeZone);
  if (ms < EARLIEST || ms > LATEST) return refuse(field, raw);
  const bound: BoundValue = { param: instantParam(ms, parsed.time?.micros), key: ms };
  if (!parsed.time) bound.day = parsed.date;
  return bound;
}

function dateValue(field: QueryField, raw: Scalar, timeZone: string): BoundValue {
  const parsed = typeof raw === 'string' ? parseDatetimeText(raw) : undefined;
  if (!parsed) return refuse(field, raw);
  // A date with a time and an offset is an instant: its day is the site's day at that instant.
  const date =
    parsed.offsetMs === undefined
      ? parsed.date
      : siteDate(new Date(instantOf(parsed, timeZone)), timeZone);
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return { param: date, key: utcMs(year, month, day) / DAY_MS };
}

function timeValue(field: QueryField, raw: Scalar): BoundValue {
  const match = typeof raw === 'string' ? TIME.exec(raw.trim()) : null;
  if (!match) return refuse(field, raw);
  const [hour, minute, second] = [Number(match[1]), Number(match[2]), Number(match[3] ?? 0)];
  if (hour > 23 || minute > 59 || second > 59) return refuse(field, raw);
  const micros = (match[4] ?? '').slice(0, 6).padEnd(6, '0');
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    param: `${pad(hour)}:${pad(minute)}:${pad(second)}.${micros}`,
    key: hour * 3600 + minute * 60 + second + Number(micros) / 1e6,
  };
}

function numberValue(field: QueryField, raw: Scalar, integer: boolean): BoundValue {
  let number: number;
  if (typeof raw === 'number') number = raw;
  else if (typeof raw === 'boolean') number = raw ? 1 : 0;
  else if (typeof raw === 'string' && integer && /^\s*[+-]?\d+\s*$/.test(raw)) number = Number(raw);
  else if (
    typeof raw === 'string' &&
    !integer &&
    /^\s*[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?\s*$/i.test(raw)
  ) {
    number = Number(raw);
  } else return refuse(field, raw);
  if (!Number.isFinite(number) || (integer && !Number.isSafeInteger(number))) refuse(field, raw);
  return { param: number, key: number };
}

function boolValue(field: QueryField, raw: Scalar): BoundValue {
  const text = typeof raw === 'string' ? raw.trim().toLowerCase() : raw;
  if (text === true || text === 1 || text === '1' || text === 'true' || text === 'yes') {
    return { param: true, key: 1 };
  }
  if (text === false || text === 0 || text === '0' || text === 'false' || text === 'no') {
    return { param: false, key: 0 };
  }
  return refuse(field, raw);
}

/** Converts one client value for `field`; NULL and '' become the field's empty value, as in Frappe. */
export function bindValue(field: QueryField, raw: Scalar, timeZone: string): BoundValue {
  if (raw === null || raw === '') return EMPTY[field.kind];
  switch (field.kind) {
    case 'text':
    case 'json':
      if (typeof raw === 'string') return { param: raw, key: raw };
      if (typeof raw === 'number') return { param: String(raw), key: String(raw) };
      return refuse(field, raw);
    case 'int':
      return numberValue(field, raw, true);
    case 'float':
      return numberValue(field, raw, false);
    case 'bool':
      return boolValue(field, raw);
    case 'date':
      return dateValue(field, raw, timeZone);
    case 'datetime':
      return datetimeValue(field, raw, timeZone);
    case 'time':
      return timeValue(field, raw);
  }
}
