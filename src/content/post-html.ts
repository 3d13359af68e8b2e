/**
 * The body HTML of a .md post that the posts loader kept out of Astro's data
 * store (see src/content/posts-loader.ts), or undefined for posts that Astro
 * renders itself (.mdx, and .md with images).
 */
import { readFile } from 'node:fs/promises';
import type { Post } from '../data/posts.ts';

export async function storedPostHtml(post: Post): Promise<string | undefined> {
  const file = post.rendered?.metadata?.['htmlFile'];
  return typeof file === 'string' ? readFile(file, 'utf8') : undefined;
}
