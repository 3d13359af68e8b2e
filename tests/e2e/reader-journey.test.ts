/**
 * A reader's path through the built site in a real browser: the feed, page 2 and
 * back, a post with math and code, and a Chinese search followed to its result.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, searchInDialog, serveSite, type StaticSite } from '../helpers/browser.ts';

let site: StaticSite;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const foreignRequests: string[] = [];
const pageErrors: string[] = [];

beforeAll(async () => {
  site = await serveSite(inject('siteDir'));
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
  page.on('request', (request) => {
    if (!request.url().startsWith(site.url) && !request.url().startsWith('data:')) foreignRequests.push(request.url());
  });
  page.on('pageerror', (error) => pageErrors.push(error.message));
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe('reader journey', () => {
  it('browses the feed to page 2 and back', async () => {
    await page.goto(site.url);
    expect(await page.locator('.post-card').count()).toBe(10);
    expect(await page.locator('.feed-heading').innerText()).toContain('LATEST UPDATES');
    await page.locator('.pagination').getByRole('link', { name: '第 2 页' }).click();
    await page.waitForURL(`${site.url}page/2/`);
    expect(await page.locator('.post-card').count()).toBeGreaterThanOrEqual(1);
    expect(await page.locator('.pagination a[aria-current="page"]').innerText()).toBe('2');
    await page.goBack();
    await page.waitForURL(site.url);
    expect(await page.locator('.pagination a[aria-current="page"]').innerText()).toBe('1');
  });

  it('opens a post whose display math and code are rendered', async () => {
    await page.goto(site.url);
    const title = (await page.locator('.post-card__title a').first().innerText()).trim();
    await page.locator('.post-card__title a').first().click();
    expect((await page.locator('h1').innerText()).trim()).toBe(title);
    const display = page.locator('.prose .katex-display').first();
    await display.scrollIntoViewIfNeeded();
    const box = await display.boundingBox();
    expect(box?.height ?? 0).toBeGreaterThan(15);
    expect(await display.isVisible()).toBe(true);
    // KaTeX's fonts are loaded from the site itself.
    expect(await page.evaluate(() => document.fonts.check('16px KaTeX_Main'))).toBe(true);
    const colours = await page
      .locator('pre.astro-code')
      .first()
      .evaluate((pre) => {
        const seen = new Set<string>();
        pre.querySelectorAll('span span').forEach((span) => seen.add(getComputedStyle(span).color));
        return seen.size;
      });
    expect(colours).toBeGreaterThanOrEqual(3);
  });

  it('finds a post by a Chinese word in its body and follows the first result', async () => {
    const first = await searchInDialog(page, site.url, '协方差矩阵');
    expect(await first.locator('.search-result__title').innerText()).toBe('PCA 原理总结');
    expect(await page.locator('#search-dialog [data-search-results] mark').count()).toBeGreaterThan(0);
    await first.click();
    await page.waitForURL(/\/posts\/pca\/$/);
    expect((await page.locator('h1').innerText()).trim()).toBe('PCA 原理总结');
  });

  it('fetched nothing from outside the site and threw no errors', () => {
    expect(foreignRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
