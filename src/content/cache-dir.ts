/**
 * Astro's cache folder for a content folder. The site's own posts use Astro's
 * default (node_modules/.astro); any other corpus (tests, benchmarks, an author's
 * BLOG_CONTENT_DIR) gets a folder of its own, so corpora never share cached entries
 * and a test build never invalidates the site's cache.
 */
import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import { DEFAULT_CONTENT_DIR } from '../site.config.ts';

export function cacheDirFor(root: string, contentDir: string): string | undefined {
  const dir = resolve(root, contentDir);
  if (dir === resolve(root, DEFAULT_CONTENT_DIR)) return undefined;
  const key = createHash('sha256').update(dir).digest('hex').slice(0, 12);
  return join(root, 'node_modules', '.astro', `corpus-${key}`);
}

/** The cache folder Astro uses for a content folder: cacheDirFor's, else Astro's default. */
export function effectiveCacheDir(root: string, contentDir: string): string {
  return cacheDirFor(root, contentDir) ?? join(root, 'node_modules', '.astro');
}
