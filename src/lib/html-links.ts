/**
 * Links and ids in an HTML document, read with regular expressions rather than
 * a DOM: the build checks every page of sites with 10,000 posts, and attribute
 * values in Astro's output are always double-quoted.
 */
import { decodeEntities } from './katex-errors.ts';

export interface HtmlReference {
  /** The attribute value, entities decoded. */
  url: string;
  /** Where it came from: "a", "img", "link", "script", "source". */
  tag: string;
  /** Whether it sits inside the post body (the element marked data-pagefind-body). */
  inBody: boolean;
}

const REFERENCE = /<(a|img|link|script|source)\b[^>]*?\s(href|src|srcset)="([^"]*)"/gi;
const ID = /\sid="([^"]*)"/g;

/** Offset range of the post body (data-pagefind-body element), if the page has one. */
function bodyRange(html: string): [number, number] {
  const start = html.indexOf('data-pagefind-body');
  if (start < 0) return [-1, -1];
  const end = html.indexOf('</article>', start);
  return [start, end < 0 ? html.length : end];
}

export function extractReferences(html: string): HtmlReference[] {
  const [start, end] = bodyRange(html);
  const references: HtmlReference[] = [];
  for (const match of html.matchAll(REFERENCE)) {
    const tag = match[1]!.toLowerCase();
    const attribute = match[2]!.toLowerCase();
    const value = decodeEntities(match[3]!);
    const urls = attribute === 'srcset' ? value.split(',').map((part) => part.trim().split(/\s+/)[0] ?? '') : [value];
    for (const url of urls) {
      if (url !== '') references.push({ url, tag, inBody: match.index >= start && match.index < end });
    }
  }
  return references;
}

export function extractIds(html: string): Set<string> {
  return new Set(Array.from(html.matchAll(ID), (match) => decodeEntities(match[1]!)));
}
