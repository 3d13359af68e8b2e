/**
 * A post's HTML as it goes into the full-content feed, where the site's CSS and
 * the page's URL are not available:
 * - every KaTeX formula becomes its MathML (`<math>`, display formulas as
 *   `<math display="block">`), and KaTeX's visual HTML, unreadable without
 *   KaTeX's CSS and fonts, is dropped;
 * - relative and root-relative URLs (links, images, media) become absolute,
 *   resolved against the post's own absolute URL, so they work in any reader;
 *   a URL that cannot be parsed is removed rather than left broken;
 * - Shiki's code blocks become plain `<pre><code class="language-x">`: their colours
 *   are CSS variables that only the site's stylesheet turns into colours, and
 *   its thousands of styled spans would otherwise be a third of the feed;
 * - a table leaves its keyboard-scrollable region (rehype-scroll-regions.ts): a
 *   reader lays tables out its own way, and focus stops belong to the site;
 * - what only works with the site's scripts and styles is removed: scripts,
 *   styles, templates, buttons, elements marked `hidden`, and links with no
 *   content (e.g. heading anchors whose icon comes from CSS).
 */
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { SKIP, visit } from 'unist-util-visit';
import { hasClass } from './hast-classes.ts';

export interface FeedHtmlOptions {
  /** Absolute URL of the post's page; relative URLs in the HTML are resolved against it. */
  pageUrl: string;
}

/** hast property names (for HTML attributes) that hold one URL. */
const URL_PROPERTIES = ['href', 'src', 'poster', 'cite', 'action', 'formAction'] as const;

const REMOVED_ELEMENTS = new Set(['script', 'style', 'template', 'button']);

/** The first descendant element (or the node itself) matching `test`, depth first. */
function findElement(node: Element, test: (element: Element) => boolean): Element | undefined {
  if (test(node)) return node;
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    const found = findElement(child, test);
    if (found) return found;
  }
  return undefined;
}

/** The MathML of a KaTeX formula (`.katex` or `.katex-display`), or undefined when it has none. */
function formulaMathml(node: Element, display: boolean): Element | undefined {
  const mathml = findElement(node, (element) => hasClass(element, 'katex-mathml'));
  const math = mathml && findElement(mathml, (element) => element.tagName === 'math');
  if (!math) return undefined;
  const properties = { ...math.properties };
  if (display) properties['display'] = 'block';
  else delete properties['display'];
  return { ...math, properties };
}

function textOf(node: Element): string {
  return node.children
    .map((child) => (child.type === 'text' ? child.value : child.type === 'element' ? textOf(child) : ''))
    .join('');
}

/** A Shiki code block as plain text, keeping its language as the conventional `language-x` class. */
function plainCodeBlock(pre: Element): Element {
  const language = pre.properties['dataLanguage'];
  const code: Element = {
    type: 'element',
    tagName: 'code',
    properties: typeof language === 'string' && language !== '' ? { className: [`language-${language}`] } : {},
    children: [{ type: 'text', value: textOf(pre) }],
  };
  return { type: 'element', tagName: 'pre', properties: {}, children: [code] };
}

/** True for elements a feed reader cannot use (see the module comment). */
function isSiteOnly(node: Element): boolean {
  if (REMOVED_ELEMENTS.has(node.tagName) || node.properties['hidden'] === true) return true;
  return node.tagName === 'a' && !node.children.some((child) => child.type === 'element') && textOf(node).trim() === '';
}

/** Resolves one URL against the page; undefined when it cannot be parsed. */
function absolute(value: string, pageUrl: string): string | undefined {
  try {
    return new URL(value.trim(), pageUrl).href;
  } catch {
    return undefined;
  }
}

/** Resolves every candidate of a srcset ("a.png 1x, b.png 2x"); undefined when one cannot be parsed. */
function absoluteSrcset(value: string, pageUrl: string): string | undefined {
  const candidates: string[] = [];
  for (const candidate of value.split(',')) {
    const [url, ...descriptors] = candidate.trim().split(/\s+/);
    if (url === undefined || url === '') continue;
    const resolved = absolute(url, pageUrl);
    if (resolved === undefined) return undefined;
    candidates.push([resolved, ...descriptors].join(' '));
  }
  return candidates.join(', ');
}

function absolutizeUrls(node: Element, pageUrl: string): void {
  const { properties } = node;
  for (const name of URL_PROPERTIES) {
    const value = properties[name];
    if (typeof value !== 'string') continue;
    const resolved = absolute(value, pageUrl);
    if (resolved === undefined) delete properties[name];
    else properties[name] = resolved;
  }
  const srcset = properties['srcSet'];
  if (typeof srcset === 'string' || Array.isArray(srcset)) {
    const resolved = absoluteSrcset(Array.isArray(srcset) ? srcset.join(', ') : srcset, pageUrl);
    if (resolved === undefined) delete properties['srcSet'];
    else properties['srcSet'] = resolved;
  }
}

/** Rewrites a post's HTML for the full-content feed (see the module comment). */
export function feedHtml(html: string, options: FeedHtmlOptions): string {
  const tree: Root = fromHtml(html, { fragment: true });
  visit(tree, 'element', (node, index, parent) => {
    if (parent === undefined || index === undefined) return undefined;
    if (isSiteOnly(node)) {
      parent.children.splice(index, 1);
      return [SKIP, index];
    }
    if (node.tagName === 'pre' && hasClass(node, 'astro-code')) {
      parent.children.splice(index, 1, plainCodeBlock(node));
      return [SKIP, index + 1];
    }
    const display = hasClass(node, 'katex-display');
    if (display || hasClass(node, 'katex')) {
      const math = formulaMathml(node, display);
      // Without MathML (KaTeX's output set to "html") the formula would be lost: fail loudly.
      if (!math)
        throw new Error(
          `a KaTeX formula has no MathML (KaTeX's output must include "mathml"): ${toHtml(node).slice(0, 200)}`,
        );
      parent.children.splice(index, 1, math);
      return [SKIP, index + 1];
    }
    if (hasClass(node, 'katex-html')) {
      parent.children.splice(index, 1);
      return [SKIP, index];
    }
    if (node.tagName === 'section' && hasClass(node, 'table-scroll')) {
      parent.children.splice(index, 1, ...node.children);
      return index;
    }
    absolutizeUrls(node, options.pageUrl);
    return undefined;
  });
  // Named references (&amp;, &lt;) keep the escaped HTML readable in the feed's source.
  return toHtml(tree, { characterReferences: { useNamedReferences: true } });
}
