import { describe, expect, it } from 'vitest';
import { groupByYearMonth } from '../../src/lib/archive.ts';
import { feedOrder } from '../../src/lib/feed-order.ts';
import { relatedPostsIndex } from '../../src/lib/related.ts';
import { collectSeries } from '../../src/lib/series.ts';
import { groupByTerm } from '../../src/lib/taxonomy.ts';

interface TestPost {
  id: string;
  data: { date: Date; tags: string[]; category: string; pinned?: boolean; series?: string; seriesOrder?: number };
}
const post = (
  id: string,
  iso: string,
  tags: string[] = [],
  category = '机器学习',
  extra: Partial<TestPost['data']> = {},
): TestPost => ({
  id,
  data: { date: new Date(iso), tags, category, ...extra },
});

describe('groupByTerm', () => {
  it('groups by slug, counts, and sorts by count then slug', () => {
    const posts = [
      post('a', '2025-03-01', ['PyTorch', '优化']),
      post('b', '2025-02-01', ['pytorch']),
      post('c', '2025-01-01', ['优化']),
    ];
    const terms = groupByTerm(posts, (p) => p.data.tags);
    expect(terms.map((t) => [t.name, t.slug, t.posts.map((p) => p.id)])).toEqual([
      ['PyTorch', 'pytorch', ['a', 'b']],
      ['优化', '优化', ['a', 'c']],
    ]);
  });

  it('skips names that give an empty slug', () => {
    expect(groupByTerm([post('a', '2025-01-01', ['🔥'])], (p) => p.data.tags)).toEqual([]);
  });
});

describe('relatedPostsIndex', () => {
  const posts = [
    post('p1', '2025-06-01', ['a', 'b'], 'X'),
    post('p2', '2025-05-01', ['a', 'b'], 'Y'),
    post('p3', '2025-04-01', ['a'], 'Y'),
    post('p4', '2025-03-01', [], 'X'),
    post('p5', '2025-02-01', ['c'], 'Z'),
  ];
  const related = relatedPostsIndex(posts);

  it('prefers shared tags, then the same category, never the post itself', () => {
    expect(related.get('p1')!.map((p) => p.id)).toEqual(['p2', 'p3', 'p4']);
    expect(related.get('p4')!.map((p) => p.id)).toEqual(['p1']);
    expect(related.get('p5')!.map((p) => p.id)).toEqual([]);
  });

  it('handles a 10,000-post site (candidates come from nearby posts only)', () => {
    const many = Array.from({ length: 10_000 }, (_, i) =>
      post(
        `q${i}`,
        new Date(Date.UTC(2000, 0, 1) + i * 3_600_000).toISOString(),
        [`t${i % 10}`, `t${(i * 7) % 10}`],
        `c${i % 6}`,
      ),
    );
    const index = relatedPostsIndex(many);
    expect(index.size).toBe(10_000);
    const picked = index.get('q5000')!;
    expect(picked).toHaveLength(3);
    for (const other of picked) expect(other.data.tags.some((tag) => many[5000]!.data.tags.includes(tag))).toBe(true);
  });
});

describe('groupByYearMonth', () => {
  it('groups newest first by year and month in the given time zone', () => {
    const posts = [
      post('a', '2026-01-31T16:30:00Z'),
      post('b', '2026-01-10T00:00:00Z'),
      post('c', '2025-12-01T00:00:00Z'),
    ];
    const years = groupByYearMonth(posts, 'Asia/Shanghai');
    expect(years.map((y) => [y.year, y.count, y.months.map((m) => [m.month, m.posts.map((p) => p.id)])])).toEqual([
      [
        2026,
        2,
        [
          [2, ['a']],
          [1, ['b']],
        ],
      ],
      [2025, 1, [[12, ['c']]]],
    ]);
  });
});

describe('collectSeries', () => {
  it('orders a series by seriesOrder, then date', () => {
    const posts = [
      post('late', '2025-05-01', [], 'X', { series: 'PyTorch 实践' }),
      post('first', '2025-06-01', [], 'X', { series: 'PyTorch 实践', seriesOrder: 1 }),
      post('early', '2025-01-01', [], 'X', { series: 'PyTorch 实践' }),
      post('alone', '2025-01-01'),
    ];
    const series = collectSeries(posts);
    expect(series).toHaveLength(1);
    expect(series[0]!.slug).toBe('pytorch-实践');
    expect(series[0]!.posts.map((p) => p.id)).toEqual(['first', 'early', 'late']);
  });
});

describe('feedOrder', () => {
  it('puts pinned posts first, each group newest first', () => {
    const posts = [
      post('old-pinned', '2024-01-01', [], 'X', { pinned: true }),
      post('new', '2025-01-01'),
      post('mid', '2024-06-01'),
    ];
    expect(feedOrder(posts).map((p) => p.id)).toEqual(['old-pinned', 'new', 'mid']);
  });
});
