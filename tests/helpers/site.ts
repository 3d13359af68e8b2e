/** Reading a built site in build-output tests. */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join, relative, sep } from 'node:path';
import * as cheerio from 'cheerio';

/** Every file under `dir`, as POSIX paths relative to it, sorted. */
export function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

/** The HTML file that serves a URL path ("/page/2/" -> page/2/index.html). */
export function pageFile(siteDir: string, urlPath: string): string {
  const clean = decodeURIComponent(urlPath).replace(/^\/+/, '');
  return join(siteDir, clean.endsWith('/') || clean === '' ? `${clean}index.html` : clean);
}

export function hasPage(siteDir: string, urlPath: string): boolean {
  return existsSync(pageFile(siteDir, urlPath));
}

export function loadPage(siteDir: string, urlPath: string): cheerio.CheerioAPI {
  return cheerio.load(readFileSync(pageFile(siteDir, urlPath), 'utf8'));
}

/** Titles of the post cards on a list page, in order. */
export function cardTitles(siteDir: string, urlPath: string): string[] {
  const $ = loadPage(siteDir, urlPath);
  return $('.post-card__title a')
    .map((_, a) => $(a).text().trim())
    .get();
}

/** The text of every record in the Pagefind index (fragments are gzip with a signature). */
export function searchRecords(siteDir: string): { url: string; content: string; meta: Record<string, string> }[] {
  const dir = join(siteDir, 'pagefind', 'fragment');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .map((name) => {
      const text = gunzipSync(readFileSync(join(dir, name))).toString('utf8');
      return JSON.parse(text.replace(/^pagefind_dcd/, '')) as {
        url: string;
        content: string;
        meta: Record<string, string>;
      };
    });
}

/** All text files of the site (HTML, XML, JSON, JS, CSS, TXT) joined, for "appears nowhere" checks. */
export function allText(siteDir: string): string {
  return listFiles(siteDir)
    .filter((file) => /\.(html|xml|json|txt|js|css|webmanifest)$/.test(file))
    .map((file) => readFileSync(join(siteDir, file), 'utf8'))
    .join('\n');
}
