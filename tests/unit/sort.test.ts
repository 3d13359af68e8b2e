import { describe, expect, it } from 'vitest';
import { sortNewestFirst } from '../../src/lib/sort.ts';

const post = (id: string, iso: string) => ({ id, data: { date: new Date(iso) } });

describe('sortNewestFirst', () => {
  it('orders by date descending, then slug ascending', () => {
    const posts = [post('b', '2025-01-01'), post('c', '2026-01-01'), post('a', '2025-01-01'), post('d', '2024-06-01')];
    expect(sortNewestFirst(posts).map((p) => p.id)).toEqual(['c', 'a', 'b', 'd']);
  });

  it('does not modify its input', () => {
    const posts = [post('a', '2024-01-01'), post('b', '2025-01-01')];
    sortNewestFirst(posts);
    expect(posts.map((p) => p.id)).toEqual(['a', 'b']);
  });
});
