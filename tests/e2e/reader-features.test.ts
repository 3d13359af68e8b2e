/**
 * What a reader clicks and sees, in a real browser: theme toggle (no flash,
 * remembered), table of contents, copy button, the search dialog by keyboard,
 * and narrow screens where only wide content scrolls, never the page.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, serveSite, type StaticSite } from '../helpers/browser.ts';
import { buildCorpusOrThrow } from '../helpers/build.ts';

let site: StaticSite;
let fixture: StaticSite;
let browser: Browser;

beforeAll(async () => {
  site = await serveSite(inject('siteDir'));
  fixture = await serveSite(buildCorpusOrThrow('reader-e2e', 'tests/fixtures/reader'));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await fixture?.close();
});

async function newPage(options: { width?: number; colorScheme?: 'light' | 'dark' } = {}): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: 900 },
    colorScheme: options.colorScheme ?? 'light',
  });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(site.url).origin });
  return context.newPage();
}

describe('theme', () => {
  it('paints a saved dark choice from the first frame, against a light system', async () => {
    const page = await newPage({ colorScheme: 'light' });
    await page.addInitScript(() => {
      localStorage.setItem('theme', 'dark');
      requestAnimationFrame(() => {
        (window as unknown as { firstFrameScheme: string }).firstFrameScheme = getComputedStyle(
          document.documentElement,
        ).colorScheme;
      });
    });
    await page.goto(`${site.url}posts/pca/`);
    await page.waitForFunction(() => 'firstFrameScheme' in window);
    expect(await page.evaluate(() => (window as unknown as { firstFrameScheme: string }).firstFrameScheme)).toBe(
      'dark',
    );
    await page.context().close();
  });

  it('follows the system until toggled, then remembers the choice', async () => {
    const page = await newPage({ colorScheme: 'dark' });
    await page.goto(site.url);
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(await background()).toBe('rgb(22, 24, 29)');
    const toggle = page.locator('[data-theme-toggle]');
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    await toggle.click();
    expect(await background()).toBe('rgb(255, 255, 255)');
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    await page.reload();
    expect(await background()).toBe('rgb(255, 255, 255)');
    expect(await page.evaluate(() => localStorage.getItem('theme'))).toBe('light');
    await page.context().close();
  });

  it('keeps math and code readable in dark mode', async () => {
    const page = await newPage({ colorScheme: 'dark' });
    await page.goto(`${site.url}posts/pca/`);
    const colours = await page.evaluate(() => ({
      math: getComputedStyle(document.querySelector('.katex')!).color,
      code: getComputedStyle(document.querySelector('pre.astro-code span span')!).color,
    }));
    expect(colours.math).toBe('rgb(230, 232, 235)');
    expect(colours.code).not.toBe('rgb(36, 41, 46)'); // github-light's foreground would be unreadable
    await page.context().close();
  });
});

describe('table of contents', () => {
  it('is a side panel on wide screens that marks the section being read', async () => {
    const page = await newPage({ width: 1400 });
    await page.goto(`${site.url}posts/pca/`);
    const toc = page.locator('[data-toc]');
    expect(await toc.locator('details').evaluate((d: HTMLDetailsElement) => d.open)).toBe(true);
    const link = toc.locator('a').nth(3);
    const target = decodeURIComponent((await link.getAttribute('href'))!.slice(1));
    await link.click();
    await page.waitForFunction((id) => decodeURIComponent(location.hash.slice(1)) === id, target);
    await page.waitForFunction(() => document.querySelector('[data-toc] a[aria-current="true"]') !== null);
    expect(await toc.locator('a[aria-current="true"]').getAttribute('href')).toBe(await link.getAttribute('href'));
    const box = await toc.boundingBox();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y).toBeLessThan(100);
    await page.context().close();
  });

  it('is a collapsed block on phones that opens on tap', async () => {
    const page = await newPage({ width: 375 });
    await page.goto(`${site.url}posts/pca/`);
    const details = page.locator('[data-toc] details');
    expect(await details.evaluate((d: HTMLDetailsElement) => d.open)).toBe(false);
    await page.locator('[data-toc] summary').click();
    expect(await details.evaluate((d: HTMLDetailsElement) => d.open)).toBe(true);
    await page.context().close();
  });
});

describe('code blocks', () => {
  it('copy the code by keyboard and say 已复制', async () => {
    const page = await newPage();
    await page.goto(`${site.url}posts/pca/`);
    const button = page.locator('.code-block__copy').first();
    expect(await button.isVisible()).toBe(true);
    await button.focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('.code-block__copy')?.textContent === '已复制');
    const code = await page.locator('.code-block pre').first().innerText();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(code);
    await page.context().close();
  });
});

describe('search dialog', () => {
  it('opens with "/", searches, and is usable by keyboard only', async () => {
    const page = await newPage();
    await page.goto(`${site.url}posts/kd-tree/`);
    await page.keyboard.press('/');
    const dialog = page.locator('#search-dialog');
    await dialog.waitFor({ state: 'visible' });
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-dialog-input');
    await page.keyboard.type('共轭先验');
    const first = dialog.locator('[data-search-results] a').first();
    await first.waitFor();
    expect(await first.locator('.search-result__meta').innerText()).toMatch(/机器学习 · \d{4}-\d{2}-\d{2}/);
    expect(await first.locator('mark').count()).toBeGreaterThan(0);
    await page.keyboard.press('ArrowDown');
    expect(
      await page.evaluate(
        () => document.activeElement?.classList.contains('search-result__title') || document.activeElement?.tagName,
      ),
    ).toBe('A');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/posts\/mle-vs-bayesian-estimation\/$/);
    await page.context().close();
  });

  it('opens with Ctrl+K, filters by category, and closes with Escape', async () => {
    const page = await newPage({ width: 320 });
    await page.goto(site.url);
    await page.keyboard.press('Control+k');
    const dialog = page.locator('#search-dialog');
    await dialog.waitFor({ state: 'visible' });
    await page.keyboard.type('梯度');
    await dialog.locator('[data-search-results] a').first().waitFor();
    await dialog.locator('select[name="category"]').selectOption('Python');
    await page.waitForFunction(() =>
      /找到|没有找到/.test(document.querySelector('#search-dialog [data-search-status]')?.textContent ?? ''),
    );
    const metas = await dialog.locator('.search-result__meta').allInnerTexts();
    for (const meta of metas) expect(meta.startsWith('Python')).toBe(true);
    const width = await dialog.evaluate((d) => d.getBoundingClientRect().width);
    expect(width).toBeLessThanOrEqual(320);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await page.context().close();
  });
});

describe('print', () => {
  it('prints the post without navigation, with wrapped code', async () => {
    const page = await newPage();
    await page.goto(`${fixture.url}posts/wide-and-notes/`);
    await page.emulateMedia({ media: 'print' });
    const styles = await page.evaluate(() => ({
      header: getComputedStyle(document.querySelector('.site-header')!).display,
      toc: getComputedStyle(document.querySelector('.toc')!).display,
      footer: getComputedStyle(document.querySelector('.post-footer')!).display,
      code: getComputedStyle(document.querySelector('.code-block pre')!).whiteSpace,
      article: getComputedStyle(document.querySelector('.prose')!).display,
    }));
    expect(styles).toEqual({ header: 'none', toc: 'none', footer: 'none', code: 'pre-wrap', article: 'block' });
    await page.context().close();
  });
});

describe('narrow screens', () => {
  for (const width of [320, 375]) {
    it(`scroll a wide formula, table and code line inside themselves at ${width} px, never the page`, async () => {
      const page = await newPage({ width });
      await page.goto(`${fixture.url}posts/wide-and-notes/`);
      const sizes = await page.evaluate(() => {
        const scrolls = (selector: string) => {
          const element = document.querySelector<HTMLElement>(selector)!;
          return element.scrollWidth > element.clientWidth;
        };
        return {
          page: document.documentElement.scrollWidth - window.innerWidth,
          formula: scrolls('.katex-display'),
          table: scrolls('.prose .table-scroll'),
          code: scrolls('.code-block pre'),
        };
      });
      expect(sizes).toEqual({ page: 0, formula: true, table: true, code: true });
      await page.context().close();
    });
  }

  it('let keyboard users focus each sideways-scrolling block and scroll it with the arrow keys', async () => {
    const page = await newPage({ width: 320 });
    await page.goto(`${fixture.url}posts/wide-and-notes/`);
    for (const selector of ['.katex-display', '.prose .table-scroll', '.code-block pre']) {
      const block = page.locator(selector).first();
      await block.focus();
      expect(await block.evaluate((element) => element === document.activeElement), selector).toBe(true);
      await page.keyboard.press('ArrowRight');
      await expect
        .poll(() => block.evaluate((element) => element.scrollLeft), { message: selector })
        .toBeGreaterThan(0);
    }
    // A table's region is named (landmarks need distinct names), and the table inside keeps its semantics.
    expect(await page.locator('.table-scroll').first().getAttribute('aria-label')).toBe('表格 1');
    expect(await page.locator('.table-scroll > table').count()).toBeGreaterThan(0);
    await page.context().close();
  });
});
