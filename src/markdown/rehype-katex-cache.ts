/**
 * A cache of rehype-katex's output, by formula, around rehype-katex (which does the
 * rendering; see rehype-step-cache.ts): `rehypeKatexCacheLookup` runs before it and
 * `rehypeKatexCacheStore` after it, so that every formula seen before is served from
 * the cache, neither rendered again nor walked by rehype-katex (the PCA post's cached
 * formulas are ~50,000 nodes: ~25 ms of a save's render).
 *
 * Why: rehype-katex renders each formula to an HTML string and parses that string
 * back into a tree, ~0.8 ms a formula here, most of a long post's render (the PCA
 * post: 163 formulas, 134 of its ~450 ms). When an author saves a post in the dev
 * server, the worker that renders it again has every unchanged formula cached, and
 * posts share their short formulas (`$x$`, `$\theta$`) in a build.
 *
 * A hit is a deep copy of exactly what rehype-katex produced for the same TeX in the
 * same mode with the same options, so the output is unchanged. Not cached: formulas
 * KaTeX marked as errors (the build reports them, with the message, every time), and
 * formulas that define macros (`\gdef`, `\newcommand`, …), whose effect on the macros
 * KaTeX shares between formulas is part of rendering them; the key also holds the
 * number of macros defined so far, so a formula rendered before a `\gdef` changed a
 * macro is not reused after it.
 */
import type { Element, ElementContent, Parents } from 'hast';
import { toText } from 'hast-util-to-text';
import { katexOptions } from './katex-options.ts';
import { createStepCache } from './rehype-step-cache.ts';

/**
 * Entries kept, oldest dropped first: enough for the longest post (PCA: 163 formulas, GBDT 144), which is what
 * a dev-server save renders again. A formula's tree is tens of KB as objects: with 4,000 entries the two
 * build workers kept ~260 MiB more at 1,000 posts (peak 1,549 against 1,287 MiB), for formulas a build
 * rarely sees twice.
 */
const MAX_ENTRIES = 400;

const DEFINES_MACROS = /\\(?:gdef|xdef|def|edef|newcommand|renewcommand|providecommand|let|global|futurelet)\b/;

/** The formula an element holds, as rehype-katex reads it: the node it replaces, its TeX and mode. */
function formulaOf(
  element: Element,
  parents: Parents[],
): { scope: Element; container: Parents; key: string } | undefined {
  const classes = Array.isArray(element.properties['className']) ? element.properties['className'] : [];
  const languageMath = classes.includes('language-math');
  const mathDisplay = classes.includes('math-display');
  if (!languageMath && !mathDisplay && !classes.includes('math-inline')) return undefined;
  let container = parents.at(-1);
  let scope = element;
  let display = mathDisplay;
  if (element.tagName === 'code' && languageMath && container?.type === 'element' && container.tagName === 'pre') {
    scope = container;
    container = parents.at(-2);
    display = true;
  }
  if (!container) return undefined;
  const tex = toText(scope, { whitespace: 'pre' });
  if (DEFINES_MACROS.test(tex)) return undefined;
  const macros = Object.keys(katexOptions.macros ?? {}).length;
  return { scope, container, key: `${display ? 'D' : 'I'}${macros}\u0000${tex}` };
}

/** KaTeX's output for a formula it could render: its root element, without error markup inside. */
function isRenderedFormula(output: ElementContent): boolean {
  if (output.type !== 'element') return false;
  const classes = output.properties['className'];
  if (!Array.isArray(classes) || !(classes.includes('katex') || classes.includes('katex-display'))) return false;
  const isError = (node: ElementContent): boolean => {
    if (node.type !== 'element') return false;
    const names = node.properties['className'];
    if (Array.isArray(names) && names.includes('katex-error')) return true;
    if (String(node.properties['style'] ?? '').includes('color:#cc0000')) return true;
    return node.children.some(isError);
  };
  return !isError(output);
}

const formulas = createStepCache({ maxEntries: MAX_ENTRIES, find: formulaOf, keep: isRenderedFormula });

export const rehypeKatexCacheLookup = formulas.lookup;
export const rehypeKatexCacheStore = formulas.store;

/** How many formulas the cache holds and how many it served (for tests). */
export const katexCacheStats = formulas.stats;
