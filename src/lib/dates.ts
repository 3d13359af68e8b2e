/**
 * Calendar dates in a fixed IANA time zone, independent of the build machine's TZ
 * and locale. Post dates are written as "YYYY-MM-DD" (optionally with a time) and
 * mean that wall-clock moment in the site's time zone, unless they name a UTC
 * offset, which is then honoured.
 */

/**
 * The date forms other blog tools write (Hugo, Hexo, Jekyll, Astro, YAML 1.1
 * timestamps): a date, optionally a time ("T" or spaces between), optional
 * fractional seconds, and an optional offset ("Z", "+08:00", "+0800", "+8",
 * also after a space as Jekyll writes it). Month and day may have one digit.
 */
const DATE_RE =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:[Tt]|[ \t]+)(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:[ \t]*(Z|z|[+-]\d{1,2}(?::?\d{2})?))?)?$/;

export interface CalendarParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** Minutes east of UTC when the text names an offset; absent means "in the site's time zone". */
  offsetMinutes?: number;
}

/** True when year-month-day exists in the proleptic Gregorian calendar. */
export function isRealCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth;
}

/** "Z" → 0, "+08:00" / "+0800" / "+8" → 480, "-05:30" → -330; undefined when out of range. */
function offsetToMinutes(offset: string): number | undefined {
  if (offset === 'Z' || offset === 'z') return 0;
  const match = /^([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(offset)!;
  const hours = Number(match[2]);
  const minutes = Number(match[3] ?? 0);
  if (hours > 14 || minutes > 59) return undefined;
  return (match[1] === '-' ? -1 : 1) * (hours * 60 + minutes);
}

export const DATE_FORMS = 'YYYY-MM-DD, optionally with a time (HH:MM or HH:MM:SS) and an offset (Z, +08:00)';

/**
 * Parses a front-matter date. Returns a reason string instead of parts when the
 * text is not a real date (so "2024-02-30" is rejected, never rolled over to
 * March 1st).
 */
export function parseCalendarText(text: string): CalendarParts | string {
  const match = DATE_RE.exec(text.trim());
  if (!match) return `"${text}" is not a date in a form this blog reads (${DATE_FORMS})`;
  const [year, month, day, hour = 0, minute = 0, second = 0] = match.slice(1, 7).map((part) => Number(part ?? 0));
  if (!isRealCalendarDate(year!, month!, day!)) return `"${text}" is not a real calendar date`;
  if (hour > 23 || minute > 59 || second > 59) return `"${text}" has an invalid time of day`;
  const parts: CalendarParts = { year: year!, month: month!, day: day!, hour, minute, second };
  if (match[7] === undefined) return parts;
  const offsetMinutes = offsetToMinutes(match[7]);
  if (offsetMinutes === undefined) return `"${text}" has an invalid UTC offset "${match[7]}"`;
  return { ...parts, offsetMinutes };
}

/** One formatter per zone: creating an Intl.DateTimeFormat costs far more than using one. */
const formatters = new Map<string, Intl.DateTimeFormat>();

function partsInZone(instant: number, timeZone: string): CalendarParts {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    // A fixed locale with numeric fields: the output does not depend on the machine's LANG.
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  const parts: Record<string, number> = {};
  for (const part of formatter.formatToParts(instant)) parts[part.type] = Number(part.value);
  return {
    year: parts['year']!,
    month: parts['month']!,
    day: parts['day']!,
    hour: parts['hour']!,
    minute: parts['minute']!,
    second: parts['second']!,
  };
}

function asUtc(parts: CalendarParts): number {
  return Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
}

/**
 * The instant at which the given wall-clock time occurs: at its own UTC offset
 * when it names one, otherwise in `timeZone`.
 */
export function zonedTimeToInstant(parts: CalendarParts, timeZone: string): Date {
  const wall = asUtc(parts);
  if (parts.offsetMinutes !== undefined) return new Date(wall - parts.offsetMinutes * 60_000);
  // Two passes settle the zone offset, also across a DST change.
  let instant = wall - (asUtc(partsInZone(wall, timeZone)) - wall);
  instant = wall - (asUtc(partsInZone(instant, timeZone)) - instant);
  return new Date(instant);
}

/** "YYYY-MM-DD" of an instant as seen in `timeZone`. */
export function formatIsoDate(date: Date, timeZone: string): string {
  const { year, month, day } = partsInZone(date.getTime(), timeZone);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** "YYYY-MM-DD HH:MM" of an instant as seen in `timeZone`. */
export function formatIsoDateTime(date: Date, timeZone: string): string {
  const { hour, minute } = partsInZone(date.getTime(), timeZone);
  return `${formatIsoDate(date, timeZone)} ${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

/** Year and month of an instant in `timeZone` (for archives). */
export function yearMonthInZone(date: Date, timeZone: string): { year: number; month: number } {
  const { year, month } = partsInZone(date.getTime(), timeZone);
  return { year, month };
}
