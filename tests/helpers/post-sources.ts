/** The site's own post sources, read the way the loader reads them, for content tests. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseFrontmatter } from '../../src/lib/frontmatter.ts';
import { classifyContentPath } from '../../src/lib/slug.ts';
import { decodeSourceBytes } from '../../src/lib/source-text.ts';
import { projectRoot } from './build.ts';

export interface PostSource {
  slug: string;
  file: string;
  format: 'md' | 'mdx';
  data: Record<string, unknown>;
  body: string;
}

export function readPostSources(dir = join(projectRoot, 'content', 'posts')): PostSource[] {
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((f) => f.split('\\').join('/')).sort();
  const posts: PostSource[] = [];
  for (const file of files) {
    const kind = classifyContentPath(file);
    if (kind.kind !== 'post') continue;
    const decoded = decodeSourceBytes(readFileSync(join(dir, file)));
    if (!decoded.ok) throw new Error(`${file}: ${decoded.message}`);
    const front = parseFrontmatter(decoded.text);
    if (!front.ok) throw new Error(`${file}: ${front.message}`);
    posts.push({ slug: kind.name, file, format: kind.format, data: front.data, body: front.body });
  }
  return posts;
}

export { codeFences, type CodeFence } from '../../src/lib/code-fences.ts';
