/**
 * Checks over the built HTML, run before a build may replace dist/. They hold
 * whatever produced the HTML (.md rendered now, entries from Astro's content
 * cache, .mdx compiled by Vite):
 * - no KaTeX error markup;
 * - every internal link, image, stylesheet and script resolves to a built file
 *   (under the base path), and every #fragment to an id on the target page,
 *   matched as a browser matches it (as written, then percent-decoded).
 * A problem inside a post body is reported against the post's source file.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { extractIds, extractReferences } from '../lib/html-links.ts';
import { findKatexErrors } from '../lib/katex-errors.ts';
import { fragmentIds } from '../lib/fragment-ids.ts';

export interface OutputCheckOptions {
  /** Base path ("/" or "/blog/"). */
  base: string;
  /** Origin of the site, so absolute links to it are checked too. */
  origin: string;
  /** Source file of each post page, by its page path under the base ("posts/pca/"). */
  sourceOfPage: Map<string, string>;
}

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

/** The site-relative path (under the base) a URL points to, or undefined if it leaves the site. */
function sitePath(
  url: string,
  page: string,
  options: OutputCheckOptions,
): { path: string; candidateIds: string[] } | undefined {
  if (/^(mailto|tel|data|javascript):/i.test(url)) return undefined;
  const pageUrl = new URL(`${options.base}${page}`, `${options.origin}/`);
  let target: URL;
  try {
    target = new URL(url, pageUrl);
  } catch {
    return { path: url, candidateIds: [] };
  }
  if (target.origin !== new URL(options.origin).origin) return undefined;
  const pathname = decodeURIComponent(target.pathname);
  if (!pathname.startsWith(options.base)) return { path: `../${pathname}`, candidateIds: [] };
  return { path: pathname.slice(options.base.length), candidateIds: fragmentIds(target.hash) };
}

/** The file that serves a site path ("posts/pca/" → posts/pca/index.html), or undefined. */
function findServedFile(siteDir: string, path: string): string | undefined {
  const file = join(siteDir, path);
  if (path === '' || path.endsWith('/'))
    return existsSync(join(file, 'index.html')) ? join(file, 'index.html') : undefined;
  if (existsSync(file) && statSync(file).isFile()) return file;
  return undefined;
}

/** Returns one line per problem; empty when the site is fit to deploy. */
export async function checkBuiltSite(siteDir: string, options: OutputCheckOptions): Promise<string[]> {
  const problems: string[] = [];
  // Every page links the same stylesheets, scripts, feed and listing pages: each is looked up once.
  const servedFiles = new Map<string, string | undefined>();
  const servedFile = (path: string) => {
    if (!servedFiles.has(path)) servedFiles.set(path, findServedFile(siteDir, path));
    return servedFiles.get(path);
  };
  const idCache = new Map<string, Set<string>>();
  const idsOf = (file: string) => {
    let ids = idCache.get(file);
    if (!ids) idCache.set(file, (ids = extractIds(readFileSync(file, 'utf8'))));
    return ids;
  };

  for (const page of await htmlFiles(siteDir)) {
    // Read synchronously: the checks run in a thread of their own (output-checks-thread.ts),
    // where waiting for each read to come back left that thread idle a third of the time.
    const html = readFileSync(join(siteDir, page), 'utf8');
    const pagePath = page.replace(/(^|\/)index\.html$/, '$1');
    const source = options.sourceOfPage.get(pagePath);
    const where = (inBody: boolean) => (inBody && source ? source : `${page} (built page)`);

    for (const { tex, message } of findKatexErrors(html)) {
      problems.push(`${where(true)}: invalid LaTeX in formula "${tex}": ${message}`);
    }
    for (const reference of extractReferences(html)) {
      const target = sitePath(reference.url, pagePath, options);
      if (!target) continue;
      const file = servedFile(target.path);
      const what = reference.tag === 'img' || reference.tag === 'source' ? 'image' : 'link';
      if (!file) {
        problems.push(
          `${where(reference.inBody)}: broken ${what} "${reference.url}": nothing is built at that address`,
        );
        continue;
      }
      const ids = target.candidateIds.length > 0 && file.endsWith('.html') ? idsOf(file) : undefined;
      if (ids && !target.candidateIds.some((id) => ids.has(id))) {
        const wanted = target.candidateIds.at(-1)!;
        problems.push(
          `${where(reference.inBody)}: broken link "${reference.url}": no heading or element with id "${wanted}"`,
        );
      }
    }
  }
  return problems;
}
