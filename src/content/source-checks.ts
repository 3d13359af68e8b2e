/**
 * Checks a post's Markdown/MDX source before it is rendered, so that problems
 * Astro or Vite would report without the post's name (or not at all) fail the
 * build naming the file and line:
 * - MDX syntax errors;
 * - MDX components that are neither provided to every post (src/components/mdx)
 *   nor imported or defined in the file;
 * - relative images that do not exist next to the post, in Markdown or in raw
 *   HTML (`<img src>`, which the build resolves like Markdown images); a raw
 *   `<img>` without alt text is a warning (Markdown images must have one:
 *   remark-cross-refs), since HTML copied from other tools often has none;
 * - MDX code and HTML that MdxCodePolicy refuses (environment, Node built-ins,
 *   files outside the project, scripts, event handlers, javascript: URLs).
 */
import { existsSync } from 'node:fs';
import { sep } from 'node:path';
import { visit } from 'unist-util-visit';
import { imageFile } from '../lib/image-file.ts';
import { isRelativeImagePath } from '../lib/image-paths.ts';
import { parseMarkdown, type MdNode } from '../lib/markdown-text.ts';
import { rawHtmlImages } from '../lib/raw-html-images.ts';
import { MDX_COMPONENT_NAMES } from '../lib/writing-blocks.ts';
import { ContentError } from './content-error.ts';
import { MdxCodePolicy } from './mdx-code-policy.ts';
import type { MdxNode } from './mdx-nodes.ts';

/** Names MDX posts can use without importing them (the keys of mdxComponents). */
const PROVIDED_COMPONENTS: ReadonlySet<string> = new Set(MDX_COMPONENT_NAMES);

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

/** The project root: `display` is the post's path relative to it. */
function projectRoot(file: string, display: string): string {
  const suffix = display.split('/').join(sep);
  return file.endsWith(`${sep}${suffix}`) ? file.slice(0, -suffix.length - 1) : process.cwd();
}


/** Parses a post body; an MDX syntax error becomes a ContentError with the line in the file. */
export function parseSource(body: string, format: 'md' | 'mdx', display: string, bodyLine: number): MdNode | ContentError {
  try {
    return parseMarkdown(body, format);
  } catch (error) {
    const message = (error as Error).message;
    const place = (error as { line?: number }).line ?? Number(/\((\d+):\d+/.exec(message)?.[1] ?? Number.NaN);
    const detail = message.replace(/\s*\(\d+:\d+(-\d+:\d+)?\)$/, '');
    return new ContentError(display, `MDX syntax error: ${detail}`, Number.isNaN(place) ? undefined : place + bodyLine - 1);
  }
}

export interface SourceCheckResult {
  problems: ContentError[];
  /** "<file>:<line>: <what>" lines: the post builds, but its author should look. */
  warnings: string[];
}

/** Checks a parsed post body (see the module comment). */
export function checkSource(tree: MdNode, file: string, display: string, bodyLine: number): SourceCheckResult {
  const line = (node: MdNode) => (node.position ? node.position.start.line + bodyLine - 1 : undefined);
  const problems: ContentError[] = [];
  const warnings: string[] = [];
  const missingImage = (url: string, at: number | undefined) => {
    const path = imageFile(file, url);
    if (!existsSync(path)) problems.push(new ContentError(display, `image "${url}" does not exist (looked for ${path})`, at));
  };
  const esm: string[] = [];
  visit(tree as never, 'mdxjsEsm', (node: MdNode) => {
    esm.push(node.value ?? '');
  });
  const defined = localNames(esm.join('\n'));
  // Only MDX trees have code (estree) and JSX; a .md tree gives the policy nothing to check.
  const policy = new MdxCodePolicy(file, projectRoot(file, display));
  visit(tree as never, (node: MdNode) => {
    // The policy works with lines of the body, like the estree it reads.
    const mdx = node as MdxNode;
    if (mdx.data?.estree) policy.checkProgram(mdx.data.estree, node.position?.start.line);
    if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') policy.checkElement(node.name, mdx.attributes ?? [], node.position?.start.line);
    if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name && /^[A-Z]/.test(node.name)) {
      const root = node.name.split('.')[0]!;
      if (!PROVIDED_COMPONENTS.has(root) && !defined.has(root)) {
        problems.push(new ContentError(display, `uses the component <${node.name}>, which is not defined: import it, or use one of ${[...PROVIDED_COMPONENTS].join(', ')}`, line(node)));
      }
    }
    if (node.type === 'image' && node.url && isRelativeImagePath(node.url)) missingImage(node.url, line(node));
    if (node.type === 'html' && node.value) {
      for (const image of rawHtmlImages(node.value)) {
        const at = line(node) === undefined ? undefined : line(node)! + image.lineOffset;
        if (isRelativeImagePath(image.src)) missingImage(image.src, at);
        if (image.alt === undefined) {
          warnings.push(`${display}:${at ?? 1}: <img src="${image.src}"> has no alt text, so screen readers skip it: add alt="what it shows"`);
        }
      }
    }
  });
  for (const problem of policy.problems) {
    problems.push(new ContentError(display, problem.message, problem.line === undefined ? undefined : problem.line + bodyLine - 1));
  }
  return { problems, warnings };
}
