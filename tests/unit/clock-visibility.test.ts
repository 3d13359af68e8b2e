import { describe, expect, it } from 'vitest';
import { buildNow } from '../../src/lib/clock.ts';
import { isVisible } from '../../src/lib/visibility.ts';

describe('buildNow', () => {
  it('uses SOURCE_DATE_EPOCH when set', () => {
    expect(buildNow({ SOURCE_DATE_EPOCH: '1767225600' }).toISOString()).toBe('2026-01-01T00:00:00.000Z');
  });

  it('falls back to the machine clock', () => {
    expect(buildNow({}, () => 42).getTime()).toBe(42);
  });

  it('rejects a malformed epoch', () => {
    expect(() => buildNow({ SOURCE_DATE_EPOCH: 'yesterday' })).toThrow(/whole number/);
  });
});

describe('isVisible', () => {
  const now = new Date('2026-01-01T00:00:00Z');
  const past = new Date('2025-12-31T00:00:00Z');
  const future = new Date('2026-01-02T00:00:00Z');

  it('hides drafts and future posts in production', () => {
    expect(isVisible({ draft: false, date: past }, { preview: false, now })).toBe(true);
    expect(isVisible({ draft: true, date: past }, { preview: false, now })).toBe(false);
    expect(isVisible({ draft: false, date: future }, { preview: false, now })).toBe(false);
  });

  it('shows everything in preview', () => {
    expect(isVisible({ draft: true, date: future }, { preview: true, now })).toBe(true);
  });
});
