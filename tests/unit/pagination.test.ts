import { describe, expect, it } from 'vitest';
import { pageLinkItems, paginateItems } from '../../src/lib/pagination.ts';

const numbers = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe('paginateItems', () => {
  it('keeps one empty page for an empty list', () => {
    expect(paginateItems([], 10)).toEqual([{ number: 1, last: 1, items: [] }]);
  });

  it('fits exactly ten items on one page', () => {
    const pages = paginateItems(numbers(10), 10);
    expect(pages).toHaveLength(1);
    expect(pages[0]!.items).toHaveLength(10);
  });

  it('moves the eleventh item to page 2', () => {
    const pages = paginateItems(numbers(11), 10);
    expect(pages.map((p) => p.items)).toEqual([numbers(10), [11]]);
    expect(pages.map((p) => [p.number, p.last])).toEqual([
      [1, 2],
      [2, 2],
    ]);
  });

  it('rejects a page size that is not a positive integer', () => {
    expect(() => paginateItems([1], 0)).toThrow(/positive integer/);
  });
});

describe('pageLinkItems', () => {
  const show = (current: number, last: number) =>
    pageLinkItems(current, last)
      .map((item) => (item.type === 'gap' ? '…' : item.number))
      .join(' ');

  it('lists every page when there are few', () => {
    expect(show(1, 2)).toBe('1 2');
    expect(show(3, 5)).toBe('1 2 3 4 5');
  });

  it('collapses distant pages into gaps, keeping first and last', () => {
    expect(show(1, 20)).toBe('1 2 3 … 20');
    expect(show(10, 20)).toBe('1 … 8 9 10 11 12 … 20');
    expect(show(20, 20)).toBe('1 … 18 19 20');
  });

  it('never hides a single page behind a gap', () => {
    expect(show(5, 9)).toBe('1 2 3 4 5 6 7 8 9');
  });
});
