/**
 * What a reader downloads: a page loaded in Debian's chromium (served from the
 * built site on 127.0.0.1), every response grouped by kind (HTML, CSS, JS,
 * fonts, images, other) with raw and gzip sizes (a stylesheet inlined in the
 * page as <style> counts as CSS, not HTML); and what a first search costs
 * (bytes of Pagefind's files, time until the first result shows).
 */
import { gzipSync } from 'node:zlib';
import { launchChromium, serveSite } from '../../tests/helpers/browser.ts';

export interface Weight {
  raw: number;
  gzip: number;
  files: number;
}
export type PageWeight = Record<'html' | 'css' | 'js' | 'font' | 'image' | 'other' | 'total', Weight>;

const kindOf = (url: string, type: string): keyof PageWeight => {
  if (type === 'document') return 'html';
  if (type === 'stylesheet' || url.endsWith('.css')) return 'css';
  if (type === 'script' || /\.m?js$/.test(url)) return 'js';
  if (type === 'font' || /\.woff2?$/.test(url)) return 'font';
  if (type === 'image') return 'image';
  return 'other';
};

export async function measurePageWeights(siteDir: string, paths: string[]): Promise<Record<string, PageWeight>> {
  const site = await serveSite(siteDir);
  const browser = await launchChromium();
  const result: Record<string, PageWeight> = {};
  try {
    for (const path of paths) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      const bodies: Promise<void>[] = [];
      const weight = Object.fromEntries(
        ['html', 'css', 'js', 'font', 'image', 'other', 'total'].map((k) => [k, { raw: 0, gzip: 0, files: 0 }]),
      ) as PageWeight;
      page.on('response', (response) => {
        bodies.push(
          response.body().then(
            (body) => {
              const kind = kindOf(response.url(), response.request().resourceType());
              const compressed = /\.(woff2|png|jpe?g|webp|avif|pf_\w+|pagefind)$/.test(response.url());
              const add = (key: keyof PageWeight, bytes: Buffer, files: number) => {
                for (const k of [key, 'total'] as const) {
                  weight[k].raw += bytes.length;
                  weight[k].gzip += compressed ? bytes.length : gzipSync(bytes).length;
                  weight[k].files += files;
                }
              };
              if (kind !== 'html') return add(kind, body, 1);
              // Inlined stylesheets are CSS: measured (and gzipped) apart from the rest of the page.
              const html = body.toString('utf8');
              const styles = [...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((match) => match[1]!);
              add('html', Buffer.from(html.replace(/<style[^>]*>[\s\S]*?<\/style>/g, '')), 1);
              if (styles.length > 0) add('css', Buffer.from(styles.join('')), 0);
            },
            () => undefined,
          ),
        );
      });
      await page.goto(`${site.url}${path.replace(/^\//, '')}`, { waitUntil: 'networkidle' });
      await Promise.all(bodies);
      result[path] = weight;
      await context.close();
    }
  } finally {
    await browser.close();
    await site.close();
  }
  return result;
}

export interface SearchCost {
  query: string;
  bytes: number;
  requests: number;
  msToFirstResult: number;
}

/** A first search on a fresh page: bytes of Pagefind's files and time until the first result appears. */
export async function measureFirstSearch(siteDir: string, query: string): Promise<SearchCost> {
  const site = await serveSite(siteDir);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.goto(`${site.url}search/`, { waitUntil: 'networkidle' });
    let bytes = 0;
    let requests = 0;
    const bodies: Promise<void>[] = [];
    page.on('response', (response) => {
      if (!response.url().includes('/pagefind/')) return;
      requests += 1;
      bodies.push(
        response.body().then(
          (body) => void (bytes += body.length),
          () => undefined,
        ),
      );
    });
    const started = Date.now();
    await page.locator('.page-column [data-search-panel] input[name="q"]').fill(query);
    await page.locator('.page-column [data-search-results] a').first().waitFor({ timeout: 30_000 });
    const msToFirstResult = Date.now() - started;
    await Promise.all(bodies);
    return { query, bytes, requests, msToFirstResult };
  } finally {
    await browser.close();
    await site.close();
  }
}
