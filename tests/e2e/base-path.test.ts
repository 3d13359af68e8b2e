/**
 * A site built for a sub-folder (BASE_PATH=/blog/, SITE_URL=https://example.org)
 * and served under /blog/: a reader goes from the feed to a post with math and a
 * figure, follows a link to another post, searches in the dialog and on the
 * search page and follows a result. Every request the pages make stays under
 * /blog/ and succeeds; nothing breaks.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, searchInDialog, serveSite, type StaticSite } from '../helpers/browser.ts';
import { buildCorpusOrThrow } from '../helpers/build.ts';

let site: StaticSite;
let browser: Browser;
let page: Page;
const requests: string[] = [];
const failures: string[] = [];
const errors: string[] = [];

beforeAll(async () => {
  const dir = buildCorpusOrThrow('base-path-e2e', 'tests/fixtures/feeds', {
    SITE_URL: 'https://example.org',
    BASE_PATH: '/blog/',
  });
  site = await serveSite(dir, '/blog/');
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
  // Requests of the page and of workers it starts (Pagefind's), through the context.
  context.on('request', (request) => void requests.push(request.url()));
  // A request the browser itself cancels (net::ERR_ABORTED: the page navigated
  // away before, say, the favicon arrived) says nothing about the site; every
  // requested URL is fetched again at the end and must answer 200.
  context.on('requestfailed', (request) => {
    const reason = request.failure()?.errorText ?? 'unknown';
    if (reason !== 'net::ERR_ABORTED') failures.push(`${request.url()}: ${reason}`);
  });
  context.on('response', (response) => {
    if (response.status() >= 400) failures.push(`${response.url()}: HTTP ${response.status()}`);
  });
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') errors.push(`${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => void errors.push(`pageerror: ${error.message}`));
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

const path = () => new URL(page.url()).pathname;

describe('a reader under /blog/', () => {
  it('goes from the feed to a post with math and a figure', async () => {
    expect(site.url).toMatch(/\/blog\/$/);
    await page.goto(site.url);
    await page.locator('.post-card__title a', { hasText: '行内与显示公式' }).click();
    await page.waitForURL(/\/blog\/posts\/math-post\/$/);
    expect((await page.locator('h1').innerText()).trim()).toBe('行内与显示公式');
    expect(await page.locator('.prose .katex-display').first().isVisible()).toBe(true);
    const figure = page.locator('.prose figure img');
    await figure.scrollIntoViewIfNeeded();
    expect(await figure.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  });

  it('follows a link in the post to another post', async () => {
    await page.locator('.prose a', { hasText: '另一篇' }).click();
    await page.waitForURL(/\/blog\/posts\/mdx-math\/$/);
    expect(path()).toBe('/blog/posts/mdx-math/');
  });

  it('searches in the dialog and follows the result', async () => {
    const first = await searchInDialog(page, site.url, '表达式');
    expect(new URL(await first.evaluate((a: HTMLAnchorElement) => a.href)).pathname).toBe('/blog/posts/mdx-math/');
    await first.click();
    await page.waitForURL(/\/blog\/posts\/mdx-math\/$/);
    expect((await page.locator('h1').innerText()).trim()).toBe('MDX 里的公式');
  });

  it('searches on the search page, whose results link under /blog/', async () => {
    await page.goto(`${site.url}search/?q=${encodeURIComponent('全文订阅')}`);
    expect(path()).toBe('/blog/search/');
    const first = page.locator('.page-column [data-search-results] a').first();
    await first.waitFor();
    for (const href of await page
      .locator('.page-column [data-search-results] a')
      .evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href))) {
      expect(new URL(href).pathname).toMatch(/^\/blog\/posts\//);
    }
  });

  it('made every request under /blog/, each one answered, with no error in the console', async () => {
    expect(requests.length).toBeGreaterThan(10);
    expect(requests.filter((url) => url.includes('/pagefind/')).length).toBeGreaterThan(2);
    expect(requests.filter((url) => !url.startsWith(site.url) && !url.startsWith('data:'))).toEqual([]);
    expect(failures).toEqual([]);
    const served = [...new Set(requests.filter((url) => url.startsWith(site.url)))].sort();
    const unanswered: string[] = [];
    for (const url of served) {
      const response = await fetch(url);
      if (response.status !== 200) unanswered.push(`${url}: HTTP ${response.status}`);
    }
    expect(unanswered).toEqual([]);
    expect(errors).toEqual([]);
  });
});
