/**
 * The site's view of the posts collection: what a page may show, in the one
 * order used everywhere, and the groupings derived from it (categories, tags,
 * series, related posts). Everything is computed once per build; pages call
 * these instead of getCollection().
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { buildNow } from '../lib/clock.ts';
import { excerptFromMarkdown, excerptFromText } from '../lib/excerpt.ts';
import { feedOrder } from '../lib/feed-order.ts';
import { readingStats, type ReadingStats } from '../lib/reading-stats.ts';
import { relatedPostsIndex } from '../lib/related.ts';
import { collectSeries, type Series } from '../lib/series.ts';
import { sortNewestFirst } from '../lib/sort.ts';
import { groupByTerm, type Term } from '../lib/taxonomy.ts';
import { isVisible } from '../lib/visibility.ts';
import { site, type Category } from '../site.config.ts';

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
  const context = { preview: import.meta.env.DEV, now: buildNow(process.env) };
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

/** The card excerpt: the description when given, else the start of the body (made by the loader). */
export function postExcerpt(post: Post): string {
  const made = post.rendered?.metadata?.['excerpt'];
  if (typeof made === 'string') return made;
  if (post.data.description) return excerptFromText(post.data.description, site.excerptLength);
  const format = post.filePath?.endsWith('.mdx') ? 'mdx' : 'md';
  return excerptFromMarkdown(post.body ?? '', site.excerptLength, format);
}

/** Length and reading time of a post's prose (code and math excluded), as the loader measured them. */
export function postReadingStats(post: Post): ReadingStats {
  const made = post.rendered?.metadata?.['stats'] as ReadingStats | undefined;
  return made ?? readingStats(post.body ?? '', post.filePath?.endsWith('.mdx') ? 'mdx' : 'md');
}
