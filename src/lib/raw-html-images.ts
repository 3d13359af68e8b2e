/**
 * The `<img>` tags in a piece of an author's raw HTML (an mdast `html` node), read
 * with a real HTML parser so quoting, case and self-closing slashes do not matter.
 */
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';

export interface RawHtmlImage {
  src: string;
  /** The alt attribute, undefined when the tag has none (`alt=""` is an empty string). */
  alt: string | undefined;
  /** 0 for the HTML's first line, 1 for the next, … */
  lineOffset: number;
}

export function rawHtmlImages(html: string): RawHtmlImage[] {
  // Cheap test first: almost no raw HTML holds an image.
  if (!/<img\b/i.test(html)) return [];
  const images: RawHtmlImage[] = [];
  const tree: Root = fromHtml(html, { fragment: true });
  visit(tree, 'element', (node: Element) => {
    if (node.tagName !== 'img') return;
    const { src, alt } = node.properties;
    if (typeof src !== 'string' || src.trim() === '') return;
    images.push({
      src: src.trim(),
      alt: alt === undefined || alt === null ? undefined : String(alt),
      lineOffset: (node.position?.start.line ?? 1) - 1,
    });
  });
  return images;
}
