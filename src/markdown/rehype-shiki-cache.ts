/**
 * A cache of Shiki's output, by code block, around Astro's rehype-shiki (see
 * rehype-step-cache.ts): a block seen before is not highlighted again. Shiki was
 * ~45 ms of a save of the PCA post (six blocks), every time, for blocks the save
 * did not touch.
 *
 * The key holds what Astro's step reads (highlight.js in @astrojs/markdown-remark):
 * a `<code>` alone in its `<pre>`, its language class, its meta string and its text.
 * The themes and other options are the site's, the same for the life of a process.
 */
import type { Element, ElementContent, Parents } from 'hast';
import { toText } from 'hast-util-to-text';
import { classNames } from '../lib/hast-classes.ts';
import { createStepCache } from './rehype-step-cache.ts';

/** Entries kept, oldest dropped first: a post's blocks many times over (the most here: 32 in autograd). */
const MAX_ENTRIES = 200;

function codeBlockOf(
  element: Element,
  parents: Parents[],
): { scope: Element; container: Parents; key: string } | undefined {
  const pre = parents.at(-1);
  const container = parents.at(-2);
  if (element.tagName !== 'code' || pre?.type !== 'element' || pre.tagName !== 'pre' || !container) return undefined;
  if (pre.children.length !== 1) return undefined;
  const language = classNames(element).find((name) => name.startsWith('language-')) ?? '';
  const meta = (element.data as { meta?: string } | undefined)?.meta ?? element.properties['metastring'] ?? '';
  return {
    scope: pre,
    container,
    key: `${language}\u0000${String(meta)}\u0000${toText(element, { whitespace: 'pre' })}`,
  };
}

/** Shiki replaced the block (it leaves the languages it excludes, such as math, as they are). */
const highlighted = (output: ElementContent, scope: ElementContent) => output !== scope && output.type === 'element';

const codeBlocks = createStepCache({ maxEntries: MAX_ENTRIES, find: codeBlockOf, keep: highlighted });

export const rehypeShikiCacheLookup = codeBlocks.lookup;
export const rehypeShikiCacheStore = codeBlocks.store;

/** How many blocks the cache holds and how many it served (for tests). */
export const shikiCacheStats = codeBlocks.stats;
