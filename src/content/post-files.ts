/**
 * The post files of a content folder and their slugs, read with the loader's
 * rules: the loader's list of files, and outside the content layer the new-post
 * scaffold (is a slug taken?). Inside a build, later steps read the loader's own
 * record instead (post-index.ts).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { parseFrontmatter } from '../lib/frontmatter.ts';
import { classifyContentPath, normalizeSlug } from '../lib/slug.ts';
import { decodeSourceBytes } from '../lib/source-text.ts';

export interface PostFile {
  /** Absolute path. */
  path: string;
  /** Path relative to `root`, POSIX separators, as messages show it. */
  display: string;
  format: 'md' | 'mdx';
  /** File or folder name (the default slug). */
  name: string;
}

export interface PostSummary extends PostFile {
  slug: string;
  /** Front matter as written, or undefined when the file cannot be read as a post. */
  data: Record<string, unknown> | undefined;
}

/** Post files under `dir`, sorted by path. */
export function listPostFiles(dir: string, root: string): PostFile[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, resolve(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort()
    .flatMap((name) => {
      const kind = classifyContentPath(name);
      if (kind.kind !== 'post') return [];
      const path = resolve(dir, name);
      return [{ path, display: relative(root, path).split(sep).join('/'), format: kind.format, name: kind.name }];
    });
}

/** Every post file with its slug (front-matter `slug` wins) and front matter. */
export function readPostSummaries(dir: string, root: string): PostSummary[] {
  return listPostFiles(dir, root).map((file) => {
    const decoded = decodeSourceBytes(readFileSync(file.path));
    const front = decoded.ok ? parseFrontmatter(decoded.text) : undefined;
    const data = front?.ok ? front.data : undefined;
    const slug = normalizeSlug(typeof data?.['slug'] === 'string' ? data['slug'] : file.name);
    return { ...file, slug, data };
  });
}
