/**
 * A cache of what a costly rehype step (rehype-katex, Shiki) makes of a node, by a
 * key that holds everything the step reads from it: `lookup()` runs before the step,
 * `store()` right after it.
 *
 * Before the step, every node the cache has seen waits behind an empty placeholder
 * (so the step neither renders it again nor walks its output, thousands of nodes for
 * a formula); after the step, each placeholder is replaced by a copy of the cached
 * output, and what the step made of the other nodes is kept. A copy, because the
 * later steps change the tree (a code block gets its frame, a formula its
 * punctuation). The output is the step's own, so the HTML is unchanged.
 *
 * Why: when an author saves a post in the dev server, the worker that renders it
 * again has its unchanged formulas and code blocks cached; in a build, posts share
 * their short formulas (`$x$`, `$\theta$`).
 */
import type { Element, ElementContent, Parents, Root } from 'hast';
import { SKIP, visitParents } from 'unist-util-visit-parents';

export interface CachedStep {
  /** Entries kept, oldest dropped first. */
  maxEntries: number;
  /** The node the step replaces for this element, where it sits, and its key; undefined if none or not cacheable. */
  find(element: Element, parents: Parents[]): { scope: ElementContent; container: Parents; key: string } | undefined;
  /** Whether what the step put in place of `scope` may be served again (not an error, say). */
  keep(output: ElementContent, scope: ElementContent): boolean;
}

/** A node the step works on (a miss), or a cached one waiting behind its placeholder (a hit). */
type Pending =
  | { kind: 'miss'; key: string; container: Parents; scope: ElementContent; index: number }
  | { kind: 'hit'; container: Parents; placeholder: Element; output: ElementContent };

/** A copy of a step's output (elements, text, comments), without source positions. */
function copy(node: ElementContent): ElementContent {
  if (node.type === 'element') {
    const properties: Element['properties'] = {};
    for (const [name, value] of Object.entries(node.properties))
      properties[name] = Array.isArray(value) ? [...value] : value;
    const element: Element = { type: 'element', tagName: node.tagName, properties, children: node.children.map(copy) };
    if (node.data) element.data = { ...node.data };
    return element;
  }
  const leaf = { ...node };
  delete leaf.position;
  return leaf;
}

export function createStepCache(step: CachedStep) {
  const cache = new Map<string, ElementContent>();
  let hits = 0;
  // The lookup's list travels on the tree to the store step of the same render.
  const PENDING = Symbol('step-cache-pending');
  type WithPending = Root & { [PENDING]?: Pending[] };

  const lookup = () => (tree: Root) => {
    const pending: Pending[] = [];
    visitParents(tree, 'element', (element, parents) => {
      const found = step.find(element, parents as Parents[]);
      if (!found) return undefined;
      const { scope, container, key } = found;
      const index = container.children.indexOf(scope as never);
      const output = cache.get(key);
      if (output) {
        hits += 1;
        const placeholder: Element = { type: 'element', tagName: 'span', properties: {}, children: [] };
        container.children.splice(index, 1, placeholder);
        pending.push({ kind: 'hit', container, placeholder, output });
      } else {
        pending.push({ kind: 'miss', key, container, scope, index });
      }
      return SKIP;
    });
    (tree as WithPending)[PENDING] = pending;
  };

  const store = () => (tree: Root) => {
    const pending = (tree as WithPending)[PENDING] ?? [];
    delete (tree as WithPending)[PENDING];
    for (const entry of pending) {
      if (entry.kind === 'hit') {
        entry.container.children.splice(entry.container.children.indexOf(entry.placeholder), 1, copy(entry.output));
        continue;
      }
      // The step puts its one output node where the node it worked on was.
      const output = entry.container.children[entry.index] as ElementContent | undefined;
      if (!output || cache.has(entry.key) || !step.keep(output, entry.scope)) continue;
      if (cache.size >= step.maxEntries) cache.delete(cache.keys().next().value!);
      cache.set(entry.key, copy(output));
    }
  };

  return { lookup, store, stats: () => ({ entries: cache.size, hits }) };
}
