/**
 * Writes the Pagefind search index for a built site. Runs through Pagefind's Node
 * API so that an indexing error fails the build (the astro-pagefind integration
 * only logs it). Only elements under data-pagefind-body (post bodies) are indexed;
 * KaTeX markup is left out so that excerpts show prose, not glyph soup.
 */
import * as pagefind from 'pagefind';

export interface SearchIndexStats {
  pages: number;
}

export async function writeSearchIndex(siteDir: string): Promise<SearchIndexStats> {
  const { index, errors } = await pagefind.createIndex({ excludeSelectors: ['.katex'] });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  try {
    // Only post pages carry data-pagefind-body; reading the feed, tag and category pages
    // as well would only cost time (they are a third of a large site's pages).
    const added = await index.addDirectory({ path: siteDir, glob: 'posts/**/*.html' });
    if (added.errors.length > 0) throw new Error(`Pagefind could not index ${siteDir}: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: `${siteDir}/pagefind` });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
    return { pages: added.page_count };
  } finally {
    await pagefind.close();
  }
}
