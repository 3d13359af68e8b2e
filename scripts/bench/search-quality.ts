/**
 * Search quality over a query set: each query names the post(s) of which one must
 * come first. Runs the set against a built site's Pagefind index, in Node (through
 * Pagefind's own pagefind.js, with the query prepared exactly as the search UI does)
 * and in chromium (through the real search page), and scores top-1, top-3 and MRR.
 * Used by `npm run bench:search` and by the quality test (tests/e2e/search-quality.test.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { serveSite } from '../../tests/helpers/browser.ts';
import { SEARCH_RANKING, searchPosts, type PagefindApi } from '../../src/client/search-query.ts';

export interface QueryCase {
  q: string;
  /** Slugs (or URL paths) of which one must be the first result. */
  expect: string[];
  kind?: string;
}

export interface QuerySet {
  queries: QueryCase[];
  /** Queries that must return nothing. */
  none?: string[];
  /** How an expected entry maps to a result URL path; default /posts/<slug>/. */
  urlPattern?: string;
}

export interface CaseResult {
  q: string;
  kind: string;
  expect: string[];
  /** 1-based rank of the best expected post, 0 when absent. */
  rank: number;
  top: string[];
}

export interface Score {
  engine: string;
  total: number;
  top1: number;
  top3: number;
  mrr: number;
  misses: CaseResult[];
  /** Queries of `none` that returned something, with what they returned. */
  falseHits: { q: string; top: string[] }[];
  noneTotal: number;
  results: CaseResult[];
}

export function readQuerySet(file: string): QuerySet {
  return JSON.parse(readFileSync(file, 'utf8')) as QuerySet;
}

function expectedPaths(set: QuerySet, item: QueryCase): string[] {
  const pattern = set.urlPattern ?? '/posts/{slug}/';
  return item.expect.map((slug) => pattern.replace('{slug}', encodeURIComponent(slug)));
}

export function score(engine: string, set: QuerySet, ranked: Map<string, string[]>): Score {
  const results: CaseResult[] = set.queries.map((item) => {
    const top = ranked.get(item.q) ?? [];
    const wanted = new Set(expectedPaths(set, item));
    const index = top.findIndex((path) => wanted.has(path));
    return { q: item.q, kind: item.kind ?? '', expect: item.expect, rank: index + 1, top: top.slice(0, 5) };
  });
  const total = results.length;
  const falseHits = (set.none ?? [])
    .map((q) => ({ q, top: (ranked.get(q) ?? []).slice(0, 5) }))
    .filter((hit) => hit.top.length > 0);
  return {
    engine,
    total,
    top1: results.filter((r) => r.rank === 1).length / total,
    top3: results.filter((r) => r.rank >= 1 && r.rank <= 3).length / total,
    mrr: results.reduce((sum, r) => sum + (r.rank > 0 ? 1 / r.rank : 0), 0) / total,
    misses: results.filter((r) => r.rank !== 1),
    falseHits,
    noneTotal: set.none?.length ?? 0,
    results,
  };
}

function allQueries(set: QuerySet): string[] {
  return [...set.queries.map((item) => item.q), ...(set.none ?? [])];
}

interface PagefindModule extends PagefindApi {
  options(options: Record<string, unknown>): Promise<void>;
  destroy?(): Promise<void>;
}

let instances = 0;

/** Result URL paths per query, through Pagefind's JS API in Node (the site served on 127.0.0.1). */
/**
 * With `raw`, the query goes to Pagefind as typed and its results are taken as they
 * come, with its default ranking: how the site searched before (for an index written
 * by Pagefind's addDirectory, see --baseline-index in search.ts).
 */
export async function rankInNode(
  siteDir: string,
  set: QuerySet,
  ranking: object = SEARCH_RANKING,
  raw = false,
): Promise<Map<string, string[]>> {
  const site = await serveSite(siteDir);
  try {
    // A query string per site: each site gets its own instance of the module.
    const moduleUrl = `${pathToFileURL(join(siteDir, 'pagefind', 'pagefind.js')).href}?site=${encodeURIComponent(siteDir)}&n=${++instances}`;
    const pagefind = (await import(moduleUrl)) as PagefindModule;
    await pagefind.options({ basePath: `${site.url}pagefind/`, baseUrl: '/', ...(raw ? {} : { ranking }) });
    const ranked = new Map<string, string[]>();
    for (const q of allQueries(set)) {
      const urls = raw
        ? await Promise.all(
            ((await pagefind.search(q))?.results ?? []).slice(0, 10).map(async (result) => (await result.data()).url),
          )
        : (await searchPosts(pagefind, q)).map((hit) => hit.data.url);
      ranked.set(
        q,
        urls.map((url) => encodePath(decodeURI(new URL(url, 'http://x').pathname))),
      );
    }
    await pagefind.destroy?.();
    return ranked;
  } finally {
    await site.close();
  }
}

function encodePath(path: string): string {
  return path
    .split('/')
    .map((part) => encodeURIComponent(part))
    .join('/');
}

/**
 * Result URL paths per query, through the site's search page in chromium: typed into
 * its box one after another (the page mirrors the query into its URL when a search
 * starts and reports the outcome in its status line when it ends).
 */
export async function rankInBrowser(browser: Browser, siteDir: string, set: QuerySet): Promise<Map<string, string[]>> {
  const site = await serveSite(siteDir);
  const page = await browser.newPage();
  try {
    await page.goto(`${site.url}search/`);
    const input = page.locator('.page-column [data-search-panel] input[name="q"]');
    const ranked = new Map<string, string[]>();
    for (const q of allQueries(set)) {
      await input.fill(q);
      await page.waitForFunction(
        (q) =>
          new URL(location.href).searchParams.get('q') === q &&
          /找到|没有/.test(document.querySelector('.page-column [data-search-status]')?.textContent ?? ''),
        q,
        { timeout: 30_000 },
      );
      const hrefs = await page
        .locator('.page-column [data-search-results] > li:not(.search-panel__suggest) > a')
        .evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
      ranked.set(q, [...new Set(hrefs.map((h) => encodePath(decodeURI(h))))]);
    }
    return ranked;
  } finally {
    await page.close();
    await site.close();
  }
}

export function formatScore(s: Score): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
  const lines = [
    `${s.engine}: ${s.total} queries — top-1 ${pct(s.top1)}, top-3 ${pct(s.top3)}, MRR ${s.mrr.toFixed(3)}; ` +
      `no-match queries answered with nothing: ${s.noneTotal - s.falseHits.length}/${s.noneTotal}`,
  ];
  for (const miss of s.misses) {
    lines.push(
      `  miss [${miss.kind}] ${miss.q} → want ${miss.expect.join('|')}, rank ${miss.rank || '-'}; got ${miss.top.slice(0, 3).join(' ') || '(nothing)'}`,
    );
  }
  for (const hit of s.falseHits) lines.push(`  should find nothing: ${hit.q} → ${hit.top.slice(0, 3).join(' ')}`);
  return lines.join('\n');
}
