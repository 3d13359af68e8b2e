/**
 * The site's view of the posts collection: what a page may show, in the one
 * order used everywhere, and the groupings derived from it (categories, tags,
 * series, related posts). Everything is computed once per build; pages call
 * these instead of getCollection().
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { feedOrder } from '../lib/feed-order.ts';
import { relatedPostsIndex } from '../lib/related.ts';
import { collectSeries, type Series } from '../lib/series.ts';
import { sortNewestFirst } from '../lib/sort.ts';
import { groupByTerm, type Term } from '../lib/taxonomy.ts';
import { isVisible } from '../lib/visibility.ts';
import { build, site, type Category } from '../site.config.ts';

export type Post = CollectionEntry<'posts'>;

export interface SiteIndex {
  /** Visible posts, newest first. */
  posts: Post[];
  /** The feed's order: pinned posts first. */
  feed: Post[];
  categories: Term<Post>[];
  tags: Term<Post>[];
  series: Series<Post>[];
  related: Map<string, Post[]>;
}

let cached: Promise<SiteIndex> | undefined;

/** The site index; built once per build, afresh on every dev request (so edits show). */
export function getSiteIndex(): Promise<SiteIndex> {
  if (import.meta.env.DEV) return buildSiteIndex();
  cached ??= buildSiteIndex();
  return cached;
}

/** Posts a reader may see, newest first (drafts and future posts only in dev). */
export async function getVisiblePosts(): Promise<Post[]> {
  return (await getSiteIndex()).posts;
}

async function buildSiteIndex(): Promise<SiteIndex> {
  const context = { preview: import.meta.env.DEV, now: build.now };
  const posts = sortNewestFirst(await getCollection('posts', (post) => isVisible(post.data, context)));
  return {
    posts,
    feed: feedOrder(posts),
    // Categories in the order the site settings list them.
    categories: groupByTerm(posts, (post) => [post.data.category]).sort(
      (a, b) => site.categories.indexOf(a.name as Category) - site.categories.indexOf(b.name as Category),
    ),
    tags: groupByTerm(posts, (post) => post.data.tags),
    series: collectSeries(posts),
    related: relatedPostsIndex(posts),
  };
}

// What the posts loader measured, for the components that show it (cards, series list, layout).
export { postExcerpt, postReadingStats } from '../content/post-body.ts';
