/**
 * rehype plugin: gives every heading of a post a unique, non-empty id and a
 * link to itself. Ids come from the heading text (normalizeSlug keeps Chinese);
 * a heading of only emoji or symbols gets "section-N"; repeats get "-2", "-3".
 * Runs before Astro's own heading pass, which keeps these ids for the TOC.
 *
 * The anchor has no text (CSS draws the "#"), so the TOC text stays clean.
 */
import type { Element, ElementContent, Root } from 'hast';
import { toText } from 'hast-util-to-text';
import { CONTINUE, SKIP, visit } from 'unist-util-visit';
import { isFormula } from '../lib/hast-classes.ts';
import { normalizeSlug } from '../lib/slug.ts';

const HEADING = /^h[1-6]$/;
/** Ids the page itself uses around the post body. */
const RESERVED = new Set(['main', 'footnote-label', 'toc']);

export function rehypeHeadingIds() {
  return (tree: Root) => {
    const used = new Set<string>(RESERVED);
    let untitled = 0;
    const unique = (base: string) => {
      let id = base;
      for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
      used.add(id);
      return id;
    };
    // visit() searches every node with children: in MDX a heading can sit inside a
    // component (<Callout>), which is an mdxJsxFlowElement here, not an element.
    visit(tree, 'element', (child: Element) => {
      // A formula's thousands of nodes hold no heading.
      if (isFormula(child)) return SKIP;
      if (!HEADING.test(child.tagName)) return CONTINUE;
      if (child.properties['id'] === 'footnote-label') return SKIP;
      const text = toText(child).trim();
      const base = normalizeSlug(text) || `section-${++untitled}`;
      const id = unique(base);
      child.properties['id'] = id;
      const anchor: ElementContent = {
        type: 'element',
        tagName: 'a',
        properties: {
          className: ['heading-anchor'],
          href: `#${encodeURIComponent(id)}`,
          ariaLabel: `本节链接：${text || id}`,
        },
        children: [],
      };
      child.children.push(anchor);
      return SKIP;
    });
  };
}
