import { describe, expect, it } from 'vitest';
import {
  formatIsoDate,
  isRealCalendarDate,
  parseCalendarText,
  yearMonthInZone,
  zonedTimeToInstant,
} from '../../src/lib/dates.ts';

describe('parseCalendarText', () => {
  it('accepts real dates, with or without a time', () => {
    expect(parseCalendarText('2026-01-11')).toEqual({ year: 2026, month: 1, day: 11, hour: 0, minute: 0, second: 0 });
    expect(parseCalendarText('2024-02-29 08:30')).toMatchObject({ day: 29, hour: 8, minute: 30 });
    expect(parseCalendarText('2024-02-29T23:59:59')).toMatchObject({ hour: 23, minute: 59, second: 59 });
  });

  it('rejects dates that do not exist instead of rolling them over', () => {
    expect(parseCalendarText('2024-02-30')).toBe('"2024-02-30" is not a real calendar date');
    expect(parseCalendarText('2023-02-29')).toMatch(/not a real calendar date/);
    expect(parseCalendarText('2025-13-01')).toMatch(/not a real calendar date/);
    expect(parseCalendarText('2025-04-31')).toMatch(/not a real calendar date/);
  });

  it('rejects other shapes and impossible times', () => {
    expect(parseCalendarText('11/01/2026')).toMatch(/YYYY-MM-DD/);
    expect(parseCalendarText('2026/01/05')).toMatch(/YYYY-MM-DD/);
    expect(parseCalendarText('2026-01-05T')).toMatch(/YYYY-MM-DD/);
    expect(parseCalendarText('2026-01-05 07:30 +08:00 extra')).toMatch(/YYYY-MM-DD/);
    expect(parseCalendarText('2026-01-05 24:00')).toMatch(/invalid time/);
  });

  it('reads the forms Hugo, Hexo, Jekyll and YAML timestamps use', () => {
    const at = (text: string) => zonedTimeToInstant(parseCalendarText(text) as never, 'Asia/Shanghai').toISOString();
    // No offset: the wall-clock time in the site's zone.
    expect(at('2024-03-11 07:30')).toBe('2024-03-10T23:30:00.000Z');
    expect(at('2024-03-11 07:30:00')).toBe('2024-03-10T23:30:00.000Z');
    expect(at('2024-03-11T07:30:00')).toBe('2024-03-10T23:30:00.000Z');
    expect(at('2024-3-1 7:30:00')).toBe('2024-02-29T23:30:00.000Z');
    // An offset is honoured, whatever the site's zone.
    expect(at('2024-03-11T07:30:00Z')).toBe('2024-03-11T07:30:00.000Z');
    expect(at('2024-03-11T07:30:00+08:00')).toBe('2024-03-10T23:30:00.000Z');
    expect(at('2024-03-11 07:30:00 +0800')).toBe('2024-03-10T23:30:00.000Z');
    expect(at('2024-03-11T07:30:00.250-05:00')).toBe('2024-03-11T12:30:00.000Z');
    expect(at('2001-12-14 21:59:43.10 -5')).toBe('2001-12-15T02:59:43.000Z');
    expect(at('2024-03-11t07:30:00z')).toBe('2024-03-11T07:30:00.000Z');
  });

  it('rejects impossible offsets and dates even in the longer forms', () => {
    expect(parseCalendarText('2024-03-11T07:30:00+25:00')).toMatch(/invalid UTC offset/);
    expect(parseCalendarText('2024-02-30T07:30:00Z')).toMatch(/not a real calendar date/);
    expect(parseCalendarText('2024-03-11T07:61:00Z')).toMatch(/invalid time/);
  });

  it('knows leap years', () => {
    expect(isRealCalendarDate(2000, 2, 29)).toBe(true);
    expect(isRealCalendarDate(1900, 2, 29)).toBe(false);
  });
});

describe('dates in the site time zone', () => {
  const shanghaiMidnight = zonedTimeToInstant(
    { year: 2026, month: 1, day: 11, hour: 0, minute: 0, second: 0 },
    'Asia/Shanghai',
  );

  it('puts midnight in Shanghai at 16:00 UTC the day before', () => {
    expect(shanghaiMidnight.toISOString()).toBe('2026-01-10T16:00:00.000Z');
  });

  it('formats the same calendar day whatever zone the machine is in', () => {
    expect(formatIsoDate(shanghaiMidnight, 'Asia/Shanghai')).toBe('2026-01-11');
    expect(formatIsoDate(shanghaiMidnight, 'UTC')).toBe('2026-01-10');
    expect(yearMonthInZone(shanghaiMidnight, 'Asia/Shanghai')).toEqual({ year: 2026, month: 1 });
  });

  it('handles zones with daylight saving time', () => {
    const summer = zonedTimeToInstant(
      { year: 2025, month: 7, day: 1, hour: 0, minute: 0, second: 0 },
      'America/New_York',
    );
    expect(summer.toISOString()).toBe('2025-07-01T04:00:00.000Z');
    const winter = zonedTimeToInstant(
      { year: 2025, month: 1, day: 1, hour: 0, minute: 0, second: 0 },
      'America/New_York',
    );
    expect(winter.toISOString()).toBe('2025-01-01T05:00:00.000Z');
  });
});
