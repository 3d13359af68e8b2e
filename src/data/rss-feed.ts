/**
 * The RSS feeds (rss.xml: excerpts; rss-full.xml: whole posts): the latest
 * visible posts, newest first. Every text is cleaned of characters XML 1.0
 * forbids; every URL is absolute (origin + base path) and ASCII.
 */
import rss, { type RSSFeedItem } from '@astrojs/rss';
import { getVisiblePosts, type Post } from './posts.ts';
import { postBodyHtml, postExcerpt } from '../content/post-body.ts';
import { feedHtml } from '../lib/feed-html.ts';
import { absoluteUrl, postPath, withBase } from '../lib/urls.ts';
import { cleanXmlText, escapeXml } from '../lib/xml-text.ts';
import { site } from '../site.config.ts';

export type FeedKind = 'excerpt' | 'full';

/** Site-relative path of each feed (under the base path); pages link them with withBase(FEED_PATHS[kind]). */
export const FEED_PATHS: Record<FeedKind, string> = { excerpt: 'rss.xml', full: 'rss-full.xml' };

/** Absolute URL of a feed. */
function feedUrl(kind: FeedKind): string {
  return absoluteUrl(withBase(FEED_PATHS[kind]));
}

function feedItem(post: Post, content: string | undefined): RSSFeedItem {
  const link = absoluteUrl(postPath(post.id));
  return {
    title: cleanXmlText(post.data.title),
    link,
    pubDate: post.data.date,
    description: cleanXmlText(postExcerpt(post)),
    categories: [...new Set([post.data.category, ...post.data.tags].map(cleanXmlText))].filter((term) => term !== ''),
    ...(content === undefined ? {} : { content: cleanXmlText(feedHtml(content, { pageUrl: link })) }),
  };
}

/** The feed document as a Response (the GET handler of src/pages/rss*.xml.ts). */
export async function feedResponse(kind: FeedKind): Promise<Response> {
  const posts = (await getVisiblePosts()).slice(0, site.feedSize);
  const items: RSSFeedItem[] = [];
  for (const post of posts) items.push(feedItem(post, kind === 'full' ? await postBodyHtml(post) : undefined));
  const title = kind === 'full' ? `${site.title}（全文）` : site.title;
  return rss({
    title: cleanXmlText(title),
    description: cleanXmlText(site.description),
    site: absoluteUrl(site.base),
    xmlns: { atom: 'http://www.w3.org/2005/Atom' },
    customData: [
      `<language>${escapeXml(site.lang)}</language>`,
      `<atom:link href="${escapeXml(feedUrl(kind))}" rel="self" type="application/rss+xml"/>`,
    ].join(''),
    items,
  });
}
