/**
 * How every post's text is set, measured from layout in chromium at a phone's and a
 * desktop's width: no line starts with closing punctuation, no heading or TOC entry
 * leaves one character alone on its last line, output blocks wrap, and blocks that
 * scroll sideways show a cue on the side that has more.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, serveSite, type StaticSite } from '../helpers/browser.ts';

const siteDir = inject('siteDir');
const POSTS = readdirSync(join(siteDir, 'posts')).sort();
const WIDTHS = [375, 1280];

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

async function openPost(slug: string, width: number): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${site.url}posts/${slug}/`);
  await page.evaluate(() => document.fonts.ready);
  return page;
}

/**
 * Every closing punctuation mark in the post's text that begins a line: it sits on a
 * lower line than whatever comes just before it (text, formula or other inline box).
 */
function lineStartingPunctuation(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const CLOSING = /[。，、；：？！）」]/u;
    const found: string[] = [];
    const scope = document.querySelectorAll('.prose, .toc, .post-header');
    for (const root of scope) {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
        const text = node.data;
        for (let i = 0; i < text.length; i += 1) {
          if (!CLOSING.test(text[i]!)) continue;
          const mark = document.createRange();
          mark.setStart(node, i);
          mark.setEnd(node, i + 1);
          const box = mark.getClientRects()[0];
          if (!box || box.width === 0) continue;
          // What comes before: the previous characters of this node, else the nodes before it in its block.
          const before = document.createRange();
          if (i > 0) before.setStart(node, i - 1);
          else {
            const block = node.parentElement!.closest('p, li, td, th, h2, h3, h4, figcaption, a, dd, dt, blockquote')!;
            if (!block) continue;
            before.setStart(block, 0);
          }
          before.setEnd(node, i);
          const boxes = [...before.getClientRects()].filter((rect) => rect.width > 0);
          const previous = boxes.at(-1);
          if (!previous) continue; // the first thing in its block (a cell that starts with "（" is not a wrap)
          if (box.top > previous.top + previous.height / 2 && box.left < previous.left) {
            found.push(`${text.slice(Math.max(0, i - 12), i)}⏎${text.slice(i, i + 12)}`);
          }
        }
      }
    }
    return found;
  });
}

/** Headings and TOC entries whose last line holds a single character. */
function loneLastCharacters(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    for (const element of document.querySelectorAll<HTMLElement>('.prose :is(h2, h3), .toc a')) {
      const text = [...element.childNodes].filter((n): n is Text => n.nodeType === Node.TEXT_NODE).at(-1);
      if (!text) continue;
      const chars = text.data.trimEnd();
      if (chars.length < 2) continue;
      const rect = (at: number) => {
        const range = document.createRange();
        range.setStart(text, at);
        range.setEnd(text, at + 1);
        return range.getClientRects()[0];
      };
      const last = rect(chars.length - 1);
      const previous = rect(chars.length - 2);
      if (last && previous && last.top > previous.top + previous.height / 2 && /\p{Script=Han}/u.test(chars.at(-1)!)) {
        found.push(element.textContent!.trim());
      }
    }
    return found;
  });
}

describe('line breaks in every post', () => {
  for (const width of WIDTHS) {
    it(`no line starts with closing punctuation at ${width} px (${POSTS.length} posts)`, async () => {
      const problems: string[] = [];
      for (const slug of POSTS) {
        const page = await openPost(slug, width);
        problems.push(...(await lineStartingPunctuation(page)).map((line) => `${slug}: ${line}`));
        await page.context().close();
      }
      expect(problems).toEqual([]);
    });

    it(`no heading or TOC entry ends with one character alone on a line at ${width} px`, async () => {
      const problems: string[] = [];
      for (const slug of POSTS) {
        const page = await openPost(slug, width);
        if (width < 1152) await page.locator('[data-toc] summary').click();
        problems.push(...(await loneLastCharacters(page)).map((heading) => `${slug}: ${heading}`));
        await page.context().close();
      }
      expect(problems).toEqual([]);
    });
  }
});

describe('output and wide blocks', () => {
  it('wraps program output and tracebacks instead of scrolling them (375 px)', async () => {
    const page = await openPost('pytorch-expand-clone-error', 375);
    const blocks = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.prose pre[data-language="text"]')].map(
        (pre) => pre.scrollWidth - pre.clientWidth,
      ),
    );
    expect(blocks.length).toBeGreaterThan(0);
    for (const overflow of blocks) expect(overflow).toBeLessThanOrEqual(1);
    await page.context().close();
  });

  for (const width of WIDTHS) {
    it(`keeps the text of text-heavy diagrams at 10 px or more, scrolling inside the figure (${width} px)`, async () => {
      let diagrams = 0;
      for (const slug of POSTS) {
        const page = await openPost(slug, width);
        const found = await page.evaluate(() => ({
          pageOverflow: document.scrollingElement!.scrollWidth - window.innerWidth,
          figures: [...document.querySelectorAll<HTMLElement>('.prose figure .figure-scroll')].map((region) => {
            const image = region.querySelector('img')!;
            const figure = region.closest('figure')!;
            return {
              shown: image.getBoundingClientRect().width,
              natural: Number(image.getAttribute('width')),
              minimum: Number.parseFloat(region.style.getPropertyValue('--figure-min-width')),
              scrolls: region.scrollWidth > region.clientWidth + 1,
              column: figure.getBoundingClientRect().width,
              captionWidth: figure.querySelector('figcaption')?.getBoundingClientRect().width ?? 0,
            };
          }),
        }));
        expect(found.pageOverflow, slug).toBeLessThanOrEqual(0);
        for (const figure of found.figures) {
          diagrams += 1;
          expect(figure.minimum, slug).toBeGreaterThan(320);
          expect(figure.shown, slug).toBeGreaterThanOrEqual(Math.min(figure.minimum, figure.natural) - 1);
          // It scrolls only where the column is narrower than the diagram needs; the caption never does.
          expect(figure.scrolls, slug).toBe(figure.column < figure.minimum - 1);
          expect(figure.captionWidth, slug).toBeLessThanOrEqual(figure.column + 1);
        }
        await page.context().close();
      }
      // The flow diagrams of tf-export, DDP, autograd, ThunderNet, … (plots with a few labels shrink).
      expect(diagrams).toBeGreaterThanOrEqual(5);
    });
  }

  for (const slug of ['pca', 'gbdt-to-xgboost', 'tf-export']) {
    it(`gives every sideways-scrolling block of ${slug} a scroll cue (375 px)`, async () => {
      const page = await openPost(slug, 375);
      const blocks = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('.prose :is(.katex-display, .table-scroll, .figure-scroll, pre)')]
          .filter((element) => element.scrollWidth > element.clientWidth + 1)
          .map((element) => {
            const style = getComputedStyle(element);
            return {
              block: element.className || element.tagName,
              // Two covers that scroll with the content over two shadows fixed at the edges.
              gradients: style.backgroundImage.match(/gradient\(/g)?.length ?? 0,
              attachment: style.backgroundAttachment,
            };
          }),
      );
      expect(blocks.length).toBeGreaterThan(0);
      for (const block of blocks) {
        expect(block.gradients, block.block).toBe(4);
        expect(block.attachment, block.block).toBe('local, local, scroll, scroll');
      }
      await page.context().close();
    });
  }
});
