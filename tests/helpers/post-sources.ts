/** The site's own post sources, listed by the loader's own rule (src/content/post-files.ts), for content tests. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { mathFromMarkdown } from 'mdast-util-math';
import { math } from 'micromark-extension-math';
import { visit } from 'unist-util-visit';
import { parseFrontmatter } from '../../src/lib/frontmatter.ts';
import { decodeSourceBytes } from '../../src/lib/source-text.ts';
import { listPostFiles } from '../../src/content/post-files.ts';
import { projectRoot } from './build.ts';

export interface PostSource {
  slug: string;
  file: string;
  format: 'md' | 'mdx';
  data: Record<string, unknown>;
  body: string;
}

export function readPostSources(dir = join(projectRoot, 'content', 'posts')): PostSource[] {
  return listPostFiles(dir, projectRoot).map((post) => {
    const decoded = decodeSourceBytes(readFileSync(post.path));
    if (!decoded.ok) throw new Error(`${post.display}: ${decoded.message}`);
    const front = parseFrontmatter(decoded.text);
    if (!front.ok) throw new Error(`${post.display}: ${front.message}`);
    return { slug: post.name, file: post.display, format: post.format, data: front.data, body: front.body };
  });
}

export interface CodeFence {
  /** The info string's first word, lower-cased ('' when there is none). */
  lang: string;
  code: string;
  /** 1-based line of the opening fence in the body. */
  line: number;
}

/** The fenced code blocks of a Markdown body, as CommonMark (with math, so `$$` blocks are not read as code) parses them. */
export function codeFences(body: string): CodeFence[] {
  const tree = fromMarkdown(body, { extensions: [math()], mdastExtensions: [mathFromMarkdown()] });
  const fences: CodeFence[] = [];
  visit(tree, 'code', (node) => {
    // Indented code has no fence (and no language): only fences count here.
    if (/^ {0,3}(`{3,}|~{3,})/.test(body.split('\n')[node.position!.start.line - 1] ?? '')) {
      fences.push({ lang: (node.lang ?? '').toLowerCase(), code: node.value, line: node.position!.start.line });
    }
  });
  return fences;
}
