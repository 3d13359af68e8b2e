/**
 * A cache of rehype-katex's output, by formula, around rehype-katex (which does the
 * rendering): `rehypeKatexCacheLookup` runs before it and puts the cached output in
 * place of every formula it has seen; `rehypeKatexCacheStore` runs after it and
 * keeps the output of the formulas it rendered.
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
import type { Element, ElementContent, Parents, Root } from 'hast';
import { toText } from 'hast-util-to-text';
import { SKIP, visitParents } from 'unist-util-visit-parents';
import { katexOptions } from './katex-options.ts';

/**
 * Entries kept, oldest dropped first: enough for the longest post (PCA: 163 formulas, GBDT 144), which is what
 * a dev-server save renders again. A formula's tree is tens of KB as objects: with 4,000 entries the two
 * build workers kept ~260 MiB more at 1,000 posts (peak 1,549 against 1,287 MiB), for formulas a build
 * rarely sees twice.
 */
const MAX_ENTRIES = 400;
const cache = new Map<string, ElementContent[]>();
let hits = 0;

const DEFINES_MACROS = /\\(?:gdef|xdef|def|edef|newcommand|renewcommand|providecommand|let|global|futurelet)\b/;

interface Pending {
  key: string;
  container: Parents;
  index: number;
}
const PENDING = Symbol('katex-cache-pending');
type WithPending = Root & { [PENDING]?: Pending[] };

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

/** A copy of KaTeX's output tree (elements, text, comments), without source positions, which it does not need. */
function copy(node: ElementContent): ElementContent {
  if (node.type === 'element') {
    const properties: Element['properties'] = {};
    for (const [name, value] of Object.entries(node.properties))
      properties[name] = Array.isArray(value) ? [...value] : value;
    return { type: 'element', tagName: node.tagName, properties, children: node.children.map(copy) };
  }
  const leaf = { ...node };
  delete leaf.position;
  return leaf;
}

function isError(nodes: ElementContent[]): boolean {
  const walk = (node: ElementContent): boolean => {
    if (node.type !== 'element') return false;
    const classes = node.properties['className'];
    if (Array.isArray(classes) && classes.includes('katex-error')) return true;
    if (String(node.properties['style'] ?? '').includes('color:#cc0000')) return true;
    return node.children.some(walk);
  };
  return nodes.some(walk);
}

export function rehypeKatexCacheLookup() {
  return (tree: Root): void => {
    const pending: Pending[] = [];
    visitParents(tree, 'element', (element, parents) => {
      const formula = formulaOf(element, parents as Parents[]);
      if (!formula) return undefined;
      const index = formula.container.children.indexOf(formula.scope as never);
      const hit = cache.get(formula.key);
      if (hit) {
        hits += 1;
        formula.container.children.splice(index, 1, ...hit.map(copy));
      } else {
        pending.push({ key: formula.key, container: formula.container, index });
      }
      return SKIP;
    });
    (tree as WithPending)[PENDING] = pending;
  };
}

export function rehypeKatexCacheStore() {
  return (tree: Root): void => {
    const pending = (tree as WithPending)[PENDING] ?? [];
    delete (tree as WithPending)[PENDING];
    for (const { key, container, index } of pending) {
      // rehype-katex put KaTeX's one root element where the formula was.
      const output = container.children[index];
      if (!output || output.type !== 'element' || cache.has(key)) continue;
      const classes = output.properties['className'];
      if (!Array.isArray(classes) || !(classes.includes('katex') || classes.includes('katex-display'))) continue;
      const nodes = [output];
      if (isError(nodes)) continue;
      if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value!);
      cache.set(key, nodes.map(copy));
    }
  };
}

/** How many formulas the cache holds and how many it served (for tests). */
export function katexCacheStats(): { entries: number; hits: number } {
  return { entries: cache.size, hits };
}
