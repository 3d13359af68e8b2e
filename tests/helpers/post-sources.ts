/** The site's own post sources, listed by the loader's own rule (src/content/post-files.ts), for content tests. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
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

export { codeFences, type CodeFence } from '../../src/lib/code-fences.ts';
