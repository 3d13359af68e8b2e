/**
 * The one way to a post's body. Every post, .md or .mdx, was read, checked and
 * (unless it is an .mdx post that needs @astrojs/mdx) rendered by the posts
 * loader; pages, feeds and layouts ask this module for what came out, typed, and
 * never look at where it is kept:
 * - a post rendered without images: an HTML file in Astro's cache folder (kept out
 *   of the data store, which Astro compiles to JavaScript before the first page;
 *   see posts-loader.ts);
 * - a post with images: the data store, where Astro's render() resolves the images;
 * - an .mdx post left to @astrojs/mdx: its compiled module, through render().
 */
import type { MarkdownHeading } from 'astro';
import { render } from 'astro:content';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import mdxRenderer from '@astrojs/mdx/server.js';
import { readFile } from 'node:fs/promises';
import { mdxComponents } from '../components/mdx/index.ts';
import type { Post } from '../data/posts.ts';
import type { ReadingStats } from '../lib/reading-stats.ts';
import { readPostMetadata } from './post-metadata.ts';

/** A post's rendered body: HTML to print as it is, or a component to render. */
export type PostContent =
  | { kind: 'html'; html: string }
  | { kind: 'component'; Content: Awaited<ReturnType<typeof render>>['Content'] };

export interface PostBody {
  content: PostContent;
  headings: MarkdownHeading[];
  excerpt: string;
  stats: ReadingStats;
  /** Images the post shows (local and remote); empty for an .mdx post left to @astrojs/mdx. */
  images: string[];
  /** What the loader warned about (unknown code languages). */
  warnings: string[];
}

/** The MDX writing components a post's Content component is rendered with. */
export const postComponents = mdxComponents;

/** The body of a post, however it was rendered. */
export async function getPostBody(post: Post): Promise<PostBody> {
  const metadata = readPostMetadata(post);
  const { excerpt, stats, warnings, imagePaths: images } = metadata;
  if (metadata.htmlFile !== undefined) {
    const html = await readFile(metadata.htmlFile, 'utf8');
    return { content: { kind: 'html', html }, headings: metadata.headings, excerpt, stats, images, warnings };
  }
  const { Content, headings } = await render(post);
  return { content: { kind: 'component', Content }, headings, excerpt, stats, images, warnings };
}

let container: Promise<AstroContainer> | undefined;

/**
 * A container that renders posts' Content components outside a page. MDX content
 * needs @astrojs/mdx's server renderer; it is imported statically so that it is
 * bundled into the build (loadRenderers() would import it by name at run time).
 */
async function createContainer(): Promise<AstroContainer> {
  const created = await AstroContainer.create();
  created.addServerRenderer({ renderer: mdxRenderer });
  return created;
}

/** The whole body of a post as HTML (the full-text feed). */
export async function postBodyHtml(post: Post): Promise<string> {
  const { content } = await getPostBody(post);
  if (content.kind === 'html') return content.html;
  container ??= createContainer();
  return (await container).renderToString(content.Content, { props: { components: postComponents } });
}

/** The card excerpt: the description when given, else the start of the body. */
export function postExcerpt(post: Post): string {
  return readPostMetadata(post).excerpt;
}

/** Length and reading time of a post's prose (code and math excluded). */
export function postReadingStats(post: Post): ReadingStats {
  return readPostMetadata(post).stats;
}
