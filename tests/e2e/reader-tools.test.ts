/**
 * What readers of AstroPaper or PaperMod expect, in chromium at a phone's and a
 * desktop's width: back to top (and back to the TOC on phones), reading progress,
 * copy-link on heading anchors with feedback, the last-updated date, both feeds
 * linked, the series index in the navigation, category chips on cards, a header
 * that does not shift and no "/" hint on a phone.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, serveSite, type StaticSite } from '../helpers/browser.ts';
import { buildCorpusOrThrow } from '../helpers/build.ts';

const WIDTHS = [375, 1280];
let site: StaticSite;
let fixture: StaticSite;
let browser: Browser;

beforeAll(async () => {
  site = await serveSite(inject('siteDir'));
  fixture = await serveSite(buildCorpusOrThrow('reader-tools-e2e', 'tests/fixtures/reader'));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await fixture?.close();
});

async function openPage(width: number, url: string, options: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width, height: 800 },
    javaScriptEnabled: options.javaScriptEnabled ?? true,
  });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(site.url).origin });
  const page = await context.newPage();
  await page.goto(url);
  return page;
}

const settle = (page: Page) =>
  page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));

describe('back to top and reading progress', () => {
  for (const width of WIDTHS) {
    it(`appear once the first screen is passed and take the reader back by keyboard (${width} px)`, async () => {
      const page = await openPage(width, `${site.url}posts/pca/`);
      const top = page.getByRole('link', { name: '回到顶部' });
      expect(await top.isVisible()).toBe(false);
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight / 2));
      await settle(page);
      expect(await top.isVisible()).toBe(true);
      // Progress: the bar spans the share of the page scrolled (about half).
      const progress = await page.evaluate(() => {
        const bar = document.querySelector('.reading-progress')!;
        const scrolled = scrollY / (document.documentElement.scrollHeight - innerHeight);
        return { width: bar.getBoundingClientRect().width / innerWidth, scrolled };
      });
      expect(Math.abs(progress.width - progress.scrolled)).toBeLessThan(0.02);
      await top.focus();
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => scrollY === 0);
      await page.context().close();
    });
  }

  it('offer a way back to the TOC on phones, which opens it (375 px), and not on wide screens', async () => {
    const phone = await openPage(375, `${site.url}posts/pca/`);
    await phone.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight * 0.7));
    await settle(phone);
    const back = phone.getByRole('link', { name: '目录', exact: true });
    await back.focus();
    await phone.keyboard.press('Enter');
    await phone.waitForFunction(() => document.querySelector<HTMLDetailsElement>('[data-toc] details')!.open);
    const box = await phone.locator('[data-toc]').boundingBox();
    expect(box!.y).toBeGreaterThanOrEqual(-1);
    expect(box!.y).toBeLessThan(800);
    await phone.context().close();

    const wide = await openPage(1280, `${site.url}posts/pca/`);
    await wide.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight * 0.7));
    await settle(wide);
    expect(await wide.locator('.reading-aids__toc').isVisible()).toBe(false);
    await wide.context().close();
  });
});

describe('copy link on heading anchors', () => {
  for (const width of WIDTHS) {
    it(`copies the section's address by keyboard and says so (${width} px)`, async () => {
      const page = await openPage(width, `${site.url}posts/kd-tree/`);
      const anchor = page.locator('.prose h2 .heading-anchor').nth(1);
      const href = await anchor.evaluate((a: HTMLAnchorElement) => a.href);
      await anchor.focus();
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.querySelector('.prose .heading-anchor[data-copied]') !== null);
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(href);
      expect(href).toMatch(/\/posts\/kd-tree\/#%/);
      expect(await page.evaluate(() => location.href)).toBe(href);
      expect(await page.locator('[aria-live="polite"]', { hasText: '已复制本节链接' }).count()).toBe(1);
      const feedback = await anchor.evaluate((a) => getComputedStyle(a, '::after').content);
      expect(feedback).toBe('"已复制链接"');
      await page.context().close();
    });
  }
});

describe('post and list details', () => {
  for (const width of WIDTHS) {
    it(`shows the last-updated date when the post sets updated (${width} px)`, async () => {
      const page = await openPage(width, `${fixture.url}posts/plain-neighbor/`);
      const updated = page.locator('.post-header__meta', { hasText: '更新于' });
      expect(await updated.isVisible()).toBe(true);
      expect(await updated.locator('time').nth(1).getAttribute('datetime')).toBe('2025-07-02');
      const plain = await openPage(width, `${fixture.url}posts/series-intro/`);
      expect(await plain.locator('.post-header__meta', { hasText: '更新于' }).count()).toBe(0);
      await page.context().close();
      await plain.context().close();
    });

    it(`links both feeds in the footer and the series index in the navigation (${width} px)`, async () => {
      const page = await openPage(width, site.url);
      const footer = page.locator('.site-footer');
      for (const [name, path] of [
        ['摘要', 'rss.xml'],
        ['全文', 'rss-full.xml'],
      ] as const) {
        const link = footer.getByRole('link', { name });
        expect(await link.isVisible()).toBe(true);
        const href = await link.evaluate((a: HTMLAnchorElement) => a.href);
        expect(href).toBe(`${site.url}${path}`);
        const response = await page.request.get(href);
        expect(response.status()).toBe(200);
        expect(await response.text()).toContain('<rss');
      }
      const series = page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '系列' });
      expect(await series.isVisible()).toBe(true);
      await series.click();
      await page.waitForURL(`${site.url}series/`);
      expect(
        await page
          .getByRole('navigation', { name: '主导航' })
          .getByRole('link', { name: '系列' })
          .getAttribute('aria-current'),
      ).toBe('page');
      await page.context().close();
    });

    it(`puts a category chip on each card that opens its category (${width} px)`, async () => {
      const page = await openPage(width, site.url);
      const chips = page.locator('.post-card .post-card__category');
      expect(await chips.count()).toBe(await page.locator('.post-card').count());
      const chip = chips.first();
      const name = (await chip.innerText()).trim();
      await chip.click();
      await page.waitForURL(/\/categories\//);
      expect(decodeURIComponent(new URL(page.url()).pathname)).toContain(`/categories/${name.toLowerCase()}/`);
      await page.context().close();
    });
  }
});

describe('header', () => {
  it('has no "/" key hint on the phone search button, and keeps it on a desktop', async () => {
    const phone = await openPage(375, site.url);
    expect(await phone.locator('.search-trigger kbd').isVisible()).toBe(false);
    await phone.context().close();
    const desktop = await openPage(1280, site.url);
    expect(await desktop.locator('.search-trigger kbd').isVisible()).toBe(true);
    await desktop.context().close();
  });

  for (const width of WIDTHS) {
    it(`does not shift when the theme toggle appears (${width} px)`, async () => {
      const boxes = async (javaScriptEnabled: boolean) => {
        const page = await openPage(width, `${site.url}posts/pca/`, { javaScriptEnabled });
        const result = await page.evaluate(() =>
          ['.site-title', '.site-nav', '.search-trigger', '.theme-toggle', '.post h1'].map((selector) => {
            const box = document.querySelector(selector)!.getBoundingClientRect();
            return [selector, Math.round(box.x), Math.round(box.y), Math.round(box.width)];
          }),
        );
        await page.context().close();
        return result;
      };
      // Without the script the toggle is not shown, yet everything sits where it does with it.
      expect(await boxes(false)).toEqual(await boxes(true));
    });
  }
});

describe('figures', () => {
  for (const width of WIDTHS) {
    it(`open full size from a link on the image (${width} px)`, async () => {
      const page = await openPage(width, `${site.url}posts/tf-export/`);
      const link = page.locator('.prose figure a.figure-full-size').first();
      await link.waitFor();
      const image = link.locator('img');
      const href = await link.evaluate((a: HTMLAnchorElement) => a.href);
      expect(href).toBe(await image.evaluate((img: HTMLImageElement) => img.currentSrc || img.src));
      expect(await link.getAttribute('aria-label')).toMatch(/^查看原图：.+/);
      const shown = await image.evaluate((img: HTMLImageElement) => img.getBoundingClientRect().width);
      await link.focus();
      await page.keyboard.press('Enter');
      await page.waitForURL(href);
      const natural = await page.evaluate(() => document.querySelector('svg, img')!.getBoundingClientRect().width);
      if (width < 660) expect(natural).toBeGreaterThan(shown);
      await page.context().close();
    });
  }
});
