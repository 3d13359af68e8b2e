/**
 * What the posts loader keeps of a post besides its HTML, in the stored entry's
 * `rendered.metadata`: written by posts-loader.ts, read by post-body.ts (and by the
 * loader itself for a cached entry). One type for both sides, so no reader casts.
 * Astro's own fields (headings, imagePaths, frontmatter) sit beside these: its
 * render() reads them for a post whose HTML is in the data store.
 */
import type { ReadingStats } from '../lib/reading-stats.ts';

export interface PostHeading {
  depth: number;
  slug: string;
  text: string;
}

export interface PostMetadata {
  /** The card excerpt: the description when given, else the start of the body. */
  excerpt: string;
  /** Length and reading time of the prose (code and math excluded). */
  stats: ReadingStats;
  /** What the loader warned about (printed again when the entry is taken from the cache). */
  warnings: string[];
  /** Headings of a post the loader rendered; an .mdx post left to @astrojs/mdx gets its own from Astro. */
  headings: PostHeading[];
  /** Images the post shows (local and remote), which Astro resolves in its HTML. */
  imagePaths: string[];
  /** The HTML file of a post rendered without images (kept out of Astro's data store). */
  htmlFile?: string;
}

/** A stored entry, as far as its metadata goes. */
interface StoredEntry {
  id: string;
  filePath?: string | undefined;
  rendered?: { metadata?: Record<string, unknown> | undefined } | undefined;
}

/** The loader's metadata of a stored entry; every stored entry has it (cached ones too). */
export function readPostMetadata(entry: StoredEntry): PostMetadata {
  const metadata = entry.rendered?.metadata;
  if (typeof metadata?.['excerpt'] !== 'string' || typeof metadata['stats'] !== 'object') {
    throw new Error(`${entry.filePath ?? entry.id}: the posts loader stored no excerpt or reading stats`);
  }
  return {
    excerpt: metadata['excerpt'],
    stats: metadata['stats'] as ReadingStats,
    warnings: Array.isArray(metadata['warnings']) ? (metadata['warnings'] as string[]) : [],
    headings: Array.isArray(metadata['headings']) ? (metadata['headings'] as PostHeading[]) : [],
    imagePaths: Array.isArray(metadata['imagePaths']) ? (metadata['imagePaths'] as string[]) : [],
    ...(typeof metadata['htmlFile'] === 'string' ? { htmlFile: metadata['htmlFile'] } : {}),
  };
}
