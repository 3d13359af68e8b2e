/**
 * Series: posts sharing a `series` name form an ordered sequence, by their
 * `seriesOrder` when given, else by date (oldest first), then slug.
 */
import { normalizeSlug } from './slug.ts';

export interface SeriesMember {
  id: string;
  data: { series?: string | undefined; seriesOrder?: number | undefined; date: Date };
}

export interface Series<P> {
  name: string;
  slug: string;
  posts: P[];
}

function compareInSeries(a: SeriesMember, b: SeriesMember): number {
  const orderA = a.data.seriesOrder ?? Number.POSITIVE_INFINITY;
  const orderB = b.data.seriesOrder ?? Number.POSITIVE_INFINITY;
  if (orderA !== orderB) return orderA - orderB;
  const byDate = a.data.date.getTime() - b.data.date.getTime();
  if (byDate !== 0) return byDate;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** All series, sorted by slug; each with its posts in reading order. */
export function collectSeries<P extends SeriesMember>(posts: readonly P[]): Series<P>[] {
  const groups = new Map<string, Series<P>>();
  for (const post of posts) {
    const name = post.data.series?.trim();
    if (!name) continue;
    const slug = normalizeSlug(name);
    const group = groups.get(slug) ?? { name, slug, posts: [] };
    group.posts.push(post);
    groups.set(slug, group);
  }
  const list = [...groups.values()];
  for (const group of list) group.posts.sort(compareInSeries);
  return list.sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
}
