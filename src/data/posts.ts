/**
 * The site's view of the posts collection: what a page may show, in the one
 * order used everywhere. Pages call these instead of getCollection().
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { buildNow } from '../lib/clock.ts';
import { excerptFromMarkdown, excerptFromText } from '../lib/excerpt.ts';
import { sortNewestFirst } from '../lib/sort.ts';
import { isVisible } from '../lib/visibility.ts';
import { site } from '../site.config.ts';

export type Post = CollectionEntry<'posts'>;

let visiblePosts: Promise<Post[]> | undefined;

/** Posts a reader may see, newest first (drafts and future posts only in dev). */
export function getVisiblePosts(): Promise<Post[]> {
  // A build reads the list once for every page; the dev server must see edits.
  if (import.meta.env.DEV) return loadVisiblePosts();
  visiblePosts ??= loadVisiblePosts();
  return visiblePosts;
}

async function loadVisiblePosts(): Promise<Post[]> {
  const context = { preview: import.meta.env.DEV, now: buildNow(process.env) };
  const posts = await getCollection('posts', (post) => isVisible(post.data, context));
  return sortNewestFirst(posts);
}

/** The card excerpt: the description when given, else the start of the body. */
export function postExcerpt(post: Post): string {
  if (post.data.description) return excerptFromText(post.data.description, site.excerptLength);
  const format = post.filePath?.endsWith('.mdx') ? 'mdx' : 'md';
  return excerptFromMarkdown(post.body ?? '', site.excerptLength, format);
}
