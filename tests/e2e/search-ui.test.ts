/**
 * What a reader sees and does in the search dialog and on the search page: results
 * with title, category, date and an excerpt whose highlights are whole words;
 * sections linking to their headings; a no-results message with suggestions; the
 * category filter; arrow keys through every result, Enter, Escape; 320 px.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, serveSite, type StaticSite } from '../helpers/browser.ts';

let site: StaticSite;
let browser: Browser;

beforeAll(async () => {
  site = await serveSite(inject('siteDir'));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

async function newPage(width = 1280): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  return context.newPage();
}

/** Opens the dialog on a post page and types `query`; resolves once the status reports the outcome. */
async function searchFor(page: Page, query: string): Promise<void> {
  await page.goto(`${site.url}posts/kd-tree/`);
  await page.locator('[data-search-trigger]').first().click();
  await page.locator('#search-dialog-input').fill(query);
  await page.waitForFunction(
    (query) =>
      new RegExp(`找到 \\d+ 篇|没有找到与“${query}”`).test(
        document.querySelector('#search-dialog [data-search-status]')?.textContent ?? '',
      ),
    query,
  );
}

describe('search results', () => {
  it('show title, category, date and an excerpt with the Chinese word highlighted whole', async () => {
    const page = await newPage();
    await searchFor(page, '分布式');
    const first = page.locator('#search-dialog [data-search-results] > li').first();
    expect(await first.locator('.search-result__title').innerText()).toBe('一个最简单的 PyTorch DDP 例子');
    expect(await first.locator('.search-result__meta').innerText()).toBe('深度学习 · 2025-12-14');
    const marks = await first.locator('.search-result__excerpt mark').allInnerTexts();
    expect(marks.length).toBeGreaterThan(0);
    for (const mark of marks) expect(mark).toBe('分布式');
    const excerpt = await first.locator('.search-result__excerpt').first().innerText();
    // Readable Chinese: no spaces between Chinese characters, no ". " joins, no copy-button text.
    expect(excerpt).not.toMatch(/\p{Script=Han} \p{Script=Han}|\p{Script=Han}\. |复制/u);
    await page.context().close();
  });

  it('link to the matching section, landing on its heading', async () => {
    const page = await newPage();
    await searchFor(page, '环形全规约');
    const section = page.locator('#search-dialog .search-result__sections a').first();
    const href = await section.getAttribute('href');
    expect(href).toMatch(/^\/posts\/pytorch-ddp-quickstart\/#/);
    await section.click();
    await page.waitForURL(/\/posts\/pytorch-ddp-quickstart\/#/, { waitUntil: 'load' });
    const id = decodeURIComponent(new URL(page.url()).hash.slice(1));
    const heading = page.locator(`[id="${id}"]`);
    expect(await heading.evaluate((e) => /^H[2-6]$/.test(e.tagName))).toBe(true);
    const top = await heading.evaluate((e) => e.getBoundingClientRect().top);
    expect(top).toBeGreaterThanOrEqual(-1);
    expect(top).toBeLessThan(200);
    await page.context().close();
  });

  it('say so when nothing matches, and suggest a shorter query and the categories', async () => {
    const page = await newPage();
    for (const query of ['zzzzqqq', '量子计算机']) {
      await searchFor(page, query);
      expect(await page.locator('#search-dialog [data-search-status]').innerText()).toBe(
        `没有找到与“${query}”相关的文章。`,
      );
      expect(await page.locator('#search-dialog .search-result__link').count()).toBe(0);
    }
    const suggestion = page.locator('#search-dialog .search-panel__suggest');
    expect(await suggestion.locator('a[data-search-query]').innerText()).toBe('搜索“量子”');
    const categories = await suggestion.locator('a[href*="/categories/"]').allInnerTexts();
    expect(categories).toEqual(['机器学习', '深度学习', '计算机视觉', 'Python']);
    await page.context().close();
  });

  it('offer in the category filter only the categories that have posts', async () => {
    const page = await newPage();
    await page.goto(`${site.url}search/`);
    const options = await page.locator('.page-column select[name="category"] option').allInnerTexts();
    expect(options).toEqual(['全部分类', '机器学习', '深度学习', '计算机视觉', 'Python']);
    await page.context().close();
  });
});

describe('search by keyboard', () => {
  it('moves with the arrow keys through every result link and back to the box', async () => {
    const page = await newPage();
    await searchFor(page, '梯度');
    const links = page.locator('#search-dialog [data-search-results] a');
    const count = await links.count();
    expect(count).toBeGreaterThan(3);
    await page.locator('#search-dialog-input').focus();
    for (let i = 0; i < count; i++) await page.keyboard.press('ArrowDown');
    expect(await links.last().evaluate((a) => a === document.activeElement)).toBe(true);
    for (let i = 0; i < count; i++) await page.keyboard.press('ArrowUp');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-dialog-input');
    await page.context().close();
  });

  it('opens the first result with Enter in the box, and Escape closes the dialog', async () => {
    const page = await newPage();
    await searchFor(page, '梯度');
    await page.keyboard.press('Escape');
    await page.locator('#search-dialog').waitFor({ state: 'hidden' });
    await searchFor(page, '共轭先验');
    await page.locator('#search-dialog-input').press('Enter');
    await page.waitForURL(/\/posts\/mle-vs-bayesian-estimation\/$/);
    await page.context().close();
  });

  it('fits a 320 px screen with results and sections', async () => {
    const page = await newPage(320);
    await searchFor(page, '反向传播');
    await page.locator('#search-dialog .search-result__sections a').first().waitFor();
    const overflow = await page.locator('#search-dialog').evaluate((dialog) => dialog.scrollWidth - dialog.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await page.context().close();
  });
});
