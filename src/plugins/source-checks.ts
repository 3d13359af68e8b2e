/**
 * Checks a post's Markdown/MDX source before it is rendered, so that problems
 * Astro or Vite would report without the post's name (or not at all) fail the
 * build naming the file and line:
 * - MDX syntax errors;
 * - MDX components that are neither provided to every post (src/components/mdx)
 *   nor imported or defined in the file;
 * - relative images that do not exist next to the post.
 */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseMarkdown, type MdNode } from '../lib/markdown-text.ts';
import { ContentError } from './content-error.ts';

/** Names MDX posts can use without importing them (keys of mdxComponents). */
export const PROVIDED_COMPONENTS = new Set(['Callout', 'Derivation', 'Figure', 'PaperCard']);

/** Names bound by the file's own ESM: import X, import { X }, export const X, export function X. */
function localNames(esm: string): Set<string> {
  const names = new Set<string>();
  for (const match of esm.matchAll(/\bimport\s+([\s\S]*?)\s+from\s/g)) {
    for (const name of match[1]!.replace(/[{}*]/g, ' ').split(/[\s,]+/)) {
      if (name !== '' && name !== 'as' && name !== 'type') names.add(name);
    }
  }
  for (const match of esm.matchAll(/\bexport\s+(?:const|let|var|function|class)\s+([A-Za-z_$][\w$]*)/g)) names.add(match[1]!);
  return names;
}

function walk(node: MdNode, visit: (node: MdNode) => void): void {
  visit(node);
  node.children?.forEach((child) => walk(child, visit));
}

export function checkSource(body: string, format: 'md' | 'mdx', file: string, display: string, bodyLine: number): ContentError[] {
  const line = (node: MdNode) => (node.position ? node.position.start.line + bodyLine - 1 : undefined);
  let tree: MdNode;
  try {
    tree = parseMarkdown(body, format);
  } catch (error) {
    const message = (error as Error).message;
    const place = (error as { line?: number }).line ?? Number(/\((\d+):\d+/.exec(message)?.[1] ?? Number.NaN);
    const detail = message.replace(/\s*\(\d+:\d+(-\d+:\d+)?\)$/, '');
    return [new ContentError(display, `MDX syntax error: ${detail}`, Number.isNaN(place) ? undefined : place + bodyLine - 1)];
  }
  const problems: ContentError[] = [];
  const esm: string[] = [];
  walk(tree, (node) => {
    if (node.type === 'mdxjsEsm') esm.push(node.value ?? '');
  });
  const defined = localNames(esm.join('\n'));
  walk(tree, (node) => {
    if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name && /^[A-Z]/.test(node.name)) {
      const root = node.name.split('.')[0]!;
      if (!PROVIDED_COMPONENTS.has(root) && !defined.has(root)) {
        problems.push(new ContentError(display, `uses the component <${node.name}>, which is not defined: import it, or use one of ${[...PROVIDED_COMPONENTS].join(', ')}`, line(node)));
      }
    }
    if (node.type === 'image' && node.url && !/^([a-z]+:|\/\/|\/|#)/i.test(node.url)) {
      const path = resolve(dirname(file), decodeURI(node.url.split(/[?#]/)[0]!));
      if (!existsSync(path)) problems.push(new ContentError(display, `image "${node.url}" does not exist (looked for ${path})`, line(node)));
    }
  });
  return problems;
}
