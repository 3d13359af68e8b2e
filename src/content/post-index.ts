/**
 * The posts one build loaded, by slug: the source file and the last-modified
 * instant (`updated`, else `date`, from the validated front matter; never a file
 * time). The posts loader writes it into Astro's cache folder at the end of
 * content sync, so that what runs later in the build needs no second read of the
 * content folder: the sitemap's lastmod (astro.config.mjs) and the checks over
 * the built site, which name the source file of a broken page (scripts/build.ts).
 */
import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { LoaderContext } from 'astro/loaders';
import { site } from '../site.config.ts';
import { effectiveCacheDir } from './cache-dir.ts';

export interface PostIndexEntry {
  /** Source path relative to the project, as messages show it. */
  source: string;
  /** ISO instant. */
  lastmod: string;
}

export type PostIndex = ReadonlyMap<string, PostIndexEntry>;

/**
 * The one place the index's path is computed: Astro's cache folder for the site's
 * content folder (the posts loader writes it; astro.config.mjs and scripts/build.ts,
 * in other processes, read it).
 */
function postIndexFile(root: string): string {
  return join(effectiveCacheDir(root, site.contentDir), 'post-index.json');
}

/** Writes the index of the project at `root`, slugs sorted (the file is the same for the same posts). */
export async function writePostIndex(root: string, index: PostIndex): Promise<void> {
  const file = postIndexFile(root);
  const sorted = Object.fromEntries([...index].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify(sorted, null, 1)}\n`);
}

/** Reads the index the last content sync of the project at `root` wrote. */
export function readPostIndex(root: string): PostIndex {
  const file = postIndexFile(root);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new Error(`${file} is missing: it is written by the posts loader during the build's content sync`);
  }
  return new Map(Object.entries(JSON.parse(text) as Record<string, PostIndexEntry>));
}

/** Slug → source file and last-modified instant of every stored post. */
export function postIndexOf(store: LoaderContext['store']): PostIndex {
  const index = new Map<string, { source: string; lastmod: string }>();
  for (const entry of store.values()) {
    const lastmod = (entry.data['updated'] ?? entry.data['date']) as Date;
    index.set(entry.id, { source: entry.filePath ?? '', lastmod: lastmod.toISOString() });
  }
  return index;
}
