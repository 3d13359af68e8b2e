/**
 * A fingerprint of everything that decides how a post renders: the Astro config,
 * the Markdown plugins and library code, the exact dependency versions, and
 * whether .mdx posts take the fast renderer (BLOG_FAST_MDX). The
 * posts loader keeps cached entries only while it is unchanged, so editing a
 * plugin re-renders every post instead of serving stale HTML from Astro's cache.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { build } from '../site.config.ts';

const SOURCES = ['astro.config.mjs', 'package-lock.json', 'src/site.config.ts'];
const FOLDERS = ['src/content', 'src/markdown', 'src/lib'];

export function pipelineFingerprint(root: string): string {
  const hash = createHash('sha256');
  const files = [
    ...SOURCES,
    ...FOLDERS.flatMap((folder) =>
      existsSync(join(root, folder))
        ? readdirSync(join(root, folder), { recursive: true, encoding: 'utf8' }).map((file) => join(folder, file))
        : [],
    ),
  ].sort();
  for (const file of files) {
    const path = join(root, file);
    if (!existsSync(path) || !/\.(ts|mjs|json)$/.test(file)) continue;
    hash.update(file).update('\0').update(readFileSync(path)).update('\0');
  }
  // Which renderer took the .mdx posts (rendered here or deferred to Astro) is part of the cached entries.
  hash.update(build.fastMdx ? 'fast-mdx' : 'astro-mdx');
  return hash.digest('hex').slice(0, 16);
}
