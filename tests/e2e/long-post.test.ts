/**
 * Reading a long post as a reader does, in chromium at a phone's and a desktop's width:
 * a link to a heading lands on it on a cold load, End reaches the footer, the page does
 * not grow while scrolling (the scrollbar does not jump), and print is always light.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, serveSite, type StaticSite } from '../helpers/browser.ts';

const siteDir = inject('siteDir');
const WIDTHS = [375, 1280];
const HEIGHT = 900;

let site: StaticSite;
let browser: Browser;

beforeAll(async () => {
  site = await serveSite(siteDir);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

async function openPage(width: number, path: string, init?: () => void): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: HEIGHT } });
  const page = await context.newPage();
  if (init) await page.addInitScript(init);
  await page.goto(`${site.url}${path}`, { waitUntil: 'load' });
  return page;
}

/** Five section headings of a post, spread from its first to its last (ids as built). */
function fiveHeadings(slug: string): string[] {
  const html = readFileSync(join(siteDir, 'posts', slug, 'index.html'), 'utf8');
  const prose = html.slice(html.indexOf('class="prose"'));
  const ids = [...prose.matchAll(/<h[23][^>]* id="([^"]+)"/g)]
    .map((match) => match[1]!)
    .filter((id) => id !== 'footnote-label');
  expect(ids.length, slug).toBeGreaterThanOrEqual(5);
  return [0, 1, 2, 3, 4].map((step) => ids[Math.round((step * (ids.length - 1)) / 4)]!);
}

/** Where the heading sits against where it should: its scroll-margin below the top, or as far as the page scrolls. */
function landing(page: Page, id: string) {
  return page.evaluate((id) => {
    const heading = document.getElementById(id)!;
    const margin = parseFloat(getComputedStyle(heading).scrollMarginTop);
    const bottomed = Math.abs(scrollY + innerHeight - document.documentElement.scrollHeight) <= 1;
    return { top: heading.getBoundingClientRect().top, margin, bottomed };
  }, id);
}

describe('a link to a heading, opened fresh', () => {
  for (const slug of ['pca', 'gbdt-to-xgboost', 'tf-export']) {
    for (const width of WIDTHS) {
      it(`lands on five headings of ${slug} at ${width} px and stays there`, async () => {
        for (const id of fiveHeadings(slug)) {
          const page = await openPage(width, `posts/${slug}/#${encodeURIComponent(id)}`);
          await page.evaluate(() => document.fonts.ready);
          await page.waitForTimeout(400);
          const where = await landing(page, id);
          // A heading near the end cannot reach the top; then the page is scrolled to its end with the heading on screen.
          if (where.bottomed) expect(where.top, `${slug}#${id}`).toBeLessThan(HEIGHT);
          else expect(Math.abs(where.top - where.margin), `${slug}#${id} lands at ${where.top}`).toBeLessThanOrEqual(3);
          await page.context().close();
        }
      });
    }
  }
});

describe('a long post scrolled to its end', () => {
  for (const slug of ['pytorch-ddp-quickstart', 'pca']) {
    for (const width of WIDTHS) {
      it(`${slug} at ${width} px: End shows the footer; the page height does not change while scrolling`, async () => {
        const page = await openPage(width, `posts/${slug}/`);
        const height = () => page.evaluate(() => document.documentElement.scrollHeight);
        const first = await height();
        const heights = [first];
        for (let y = 0; y < first; y += HEIGHT / 2) {
          await page.evaluate((y) => window.scrollTo(0, y), y);
          await page.evaluate(
            () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
          );
          heights.push(await height());
        }
        expect(
          Math.max(...heights) - Math.min(...heights),
          `heights ${Math.min(...heights)}–${Math.max(...heights)}`,
        ).toBeLessThanOrEqual(1);

        await page.evaluate(() => window.scrollTo(0, 0));
        await page.locator('body').press('End');
        await page.waitForFunction(() => Math.abs(scrollY + innerHeight - document.documentElement.scrollHeight) <= 1);
        await page.waitForTimeout(300);
        const footer = await page.evaluate(() => {
          const box = document.querySelector('.site-footer')!.getBoundingClientRect();
          return {
            top: box.top,
            bottom: box.bottom,
            end: scrollY + innerHeight - document.documentElement.scrollHeight,
          };
        });
        expect(footer.top).toBeLessThan(HEIGHT);
        expect(footer.bottom).toBeLessThanOrEqual(HEIGHT + 1);
        expect(Math.abs(footer.end)).toBeLessThanOrEqual(1);
        await page.context().close();
      });
    }
  }
});

describe('formulas off screen', () => {
  // Laying the MathML copies out only near the viewport (content-visibility: auto) made
  // the PCA post faster to paint, and took every formula off screen out of this tree.
  it('are all in the accessibility tree, not only those on the first screen', async () => {
    const page = await openPage(375, 'posts/pca/');
    const formulas = await page.evaluate(() => document.querySelectorAll('.prose .katex-mathml math').length);
    const cdp = await page.context().newCDPSession(page);
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
      nodes: { role?: { value?: string }; ignored?: boolean }[];
    };
    const math = nodes.filter((node) => node.role?.value === 'MathMLMath' && !node.ignored).length;
    expect(formulas).toBeGreaterThan(100);
    expect(math).toBe(formulas);
    await page.context().close();
  });
});

describe('print', () => {
  for (const width of WIDTHS) {
    it(`is light with dark text even when the dark theme is chosen (${width} px)`, async () => {
      const page = await openPage(width, 'posts/pca/', () => localStorage.setItem('theme', 'dark'));
      expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toBe('dark');
      await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
      const colours = await page.evaluate(() => ({
        background: getComputedStyle(document.body).backgroundColor,
        text: getComputedStyle(document.querySelector('.prose p')!).color,
        heading: getComputedStyle(document.querySelector('.prose h2')!).color,
        math: getComputedStyle(document.querySelector('.prose .katex')!).color,
      }));
      // Code keeps its syntax colours, from the light theme.
      const token = await page.evaluate(() => {
        const span = document.querySelector<HTMLElement>('.prose pre.astro-code span span')!;
        const light = span.style.getPropertyValue('--shiki-light');
        const probe = document.createElement('span');
        probe.style.color = light;
        document.body.append(probe);
        return { shown: getComputedStyle(span).color, light: getComputedStyle(probe).color };
      });
      expect(token.shown).toBe(token.light);
      expect(colours.background).toBe('rgb(255, 255, 255)');
      const channels = (rgb: string) => rgb.match(/\d+/g)!.slice(0, 3).map(Number);
      for (const [what, colour] of Object.entries(colours).filter(([what]) => what !== 'background')) {
        expect(Math.max(...channels(colour)), `${what} is ${colour}`).toBeLessThan(110);
      }
      await page.context().close();
    });
  }
});

describe('one frame for the page', () => {
  for (const width of [1152, 1280, 1600]) {
    it(`header, article and footer share their left and right edges at ${width} px`, async () => {
      const page = await openPage(width, 'posts/pca/');
      const edges = await page.evaluate(() => {
        const box = (selector: string) => document.querySelector(selector)!.getBoundingClientRect();
        return {
          title: box('.site-title').left,
          article: box('.post h1').left,
          footer: box('.site-footer > *').left,
          tools: box('.site-header__tools').right,
          toc: box('.toc').right,
        };
      });
      expect(edges.article).toBeCloseTo(edges.title, 0);
      expect(edges.footer).toBeCloseTo(edges.title, 0);
      expect(edges.toc).toBeCloseTo(edges.tools, 0);
      await page.context().close();
    });
  }

  for (const height of [700, 900]) {
    it(`keeps the sticky TOC's title on screen at the end of the page (1280 × ${height})`, async () => {
      for (const slug of ['kd-tree', 'pca', 'ensemble-learning']) {
        const context = await browser.newContext({ viewport: { width: 1280, height } });
        const page = await context.newPage();
        await page.goto(`${site.url}posts/${slug}/`);
        await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
        await page.waitForTimeout(100);
        const top = await page.evaluate(() => document.querySelector('.toc__title')!.getBoundingClientRect().top);
        expect(top, slug).toBeGreaterThanOrEqual(0);
        await context.close();
      }
    });
  }
});
