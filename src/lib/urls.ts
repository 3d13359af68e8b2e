/**
 * URLs of the site's pages. Every internal link is built here so that a non-root
 * base path ("/blog/") applies everywhere. Path segments are percent-encoded, so
 * links, feeds and sitemaps stay ASCII even for Chinese slugs.
 */
import { site } from '../site.config.ts';

/** Prefixes a site-relative path ("posts/x/") with the base path. */
export function withBase(path: string, base: string = site.base): string {
  return `${base}${path.replace(/^\/+/, '')}`;
}

/** Percent-encodes one path segment. */
export function encodeSegment(segment: string): string {
  return encodeURIComponent(segment);
}

/** "/posts/<slug>/" under the base path. */
export function postPath(slug: string, base: string = site.base): string {
  return withBase(`posts/${encodeSegment(slug)}/`, base);
}

/** Route parameter for page `n` of a paginated list: undefined for page 1, "page/n" after. */
export function pageParam(n: number): string | undefined {
  return n === 1 ? undefined : `page/${n}`;
}

/** Path of page `n` of a paginated list rooted at `listPath` ("" for the feed). */
export function listPagePath(listPath: string, n: number, base: string = site.base): string {
  const root = listPath === '' ? '' : `${listPath.replace(/^\/+|\/+$/g, '')}/`;
  return withBase(n === 1 ? root : `${root}page/${n}/`, base);
}

/** Absolute URL (origin + base path) for feeds, canonical links and sitemaps. */
export function absoluteUrl(path: string, origin: string = site.url): string {
  return new URL(path, `${origin}/`).href;
}

/** Site-relative root of a category's, tag's or series' pages ("categories/<slug>"), segment encoded. */
export function termRoot(kind: 'categories' | 'tags' | 'series', slug: string): string {
  return `${kind}/${encodeSegment(slug)}`;
}
