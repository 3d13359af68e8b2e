/**
 * Posts brought over with `npm run import` (the docsify fixture, imported and built
 * here), as a reader sees them in chromium: a one-line `$$ … $$` formula written
 * between two lines of text is display math, on a line of its own and centred in the
 * column, and an image that docsify centred with raw HTML (`<div align=center><img>`
 * plus a `<center>` caption line) is a centred figure with its caption under it.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, serveSite, type StaticSite } from '../helpers/browser.ts';
import { buildCorpusOrThrow, outputRoot, projectRoot } from '../helpers/build.ts';

const CONTENT = join(outputRoot, 'e2e-import-content');

let site: StaticSite;
let browser: Browser;

beforeAll(async () => {
  rmSync(CONTENT, { recursive: true, force: true });
  mkdirSync(CONTENT, { recursive: true });
  const imported = spawnSync(process.execPath, ['scripts/import.ts', 'tests/fixtures/import/docsify'], {
    cwd: projectRoot,
    env: { ...process.env, BLOG_CONTENT_DIR: CONTENT },
    encoding: 'utf8',
  });
  if (imported.status !== 0) throw new Error(`import failed:\n${imported.stdout}\n${imported.stderr}`);
  site = await serveSite(buildCorpusOrThrow('e2e-import', CONTENT));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

async function open(path: string, width: number): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${site.url}${path}`);
  await page.evaluate(() => document.fonts.ready);
  return page;
}

const box = (page: Page, selector: string): Promise<Box> =>
  page
    .locator(selector)
    .first()
    .evaluate((element) => {
      const { left, right, top, bottom } = element.getBoundingClientRect();
      return { left, right, top, bottom };
    });

const centre = (b: Box) => (b.left + b.right) / 2;

describe.each([375, 1280])('an imported docsify post at %i px', (width) => {
  it('shows a one-line $$ … $$ formula as display math, on its own line and centred', async () => {
    const page = await open('posts/lda/', width);
    const display = page.locator('.prose .katex-display');
    await expect(display.count()).resolves.toBe(1);
    // The whole formula is there: the fraction of the two scatter matrices.
    await expect(display.locator('.mfrac').count()).resolves.toBe(1);
    const column = await box(page, '.prose');
    const formula = await box(page, '.prose .katex-display > .katex');
    const before = await box(page, '.prose p:has(+ .katex-display)');
    const after = await box(page, '.prose .katex-display + p');
    expect(formula.top).toBeGreaterThanOrEqual(before.bottom);
    expect(after.top).toBeGreaterThanOrEqual(formula.bottom);
    expect(Math.abs(centre(formula) - centre(column))).toBeLessThan(2);
    await expect(page.locator('.prose').innerText()).resolves.toContain('分子是类间散度');
    await page.context().close();
  });

  it('shows the raw-HTML figure centred, with its caption under the image', async () => {
    const page = await open('posts/pca/', width);
    const figure = page.locator('.prose figure').first();
    await expect(figure.locator('figcaption').innerText()).resolves.toContain('投影方向');
    const column = await box(page, '.prose');
    const image = await box(page, '.prose figure img');
    const caption = await box(page, '.prose figure figcaption');
    await expect(
      figure.locator('img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0),
    ).resolves.toBe(true);
    expect(image.right - image.left).toBeGreaterThan(100);
    expect(Math.abs(centre(image) - centre(column))).toBeLessThan(2);
    expect(caption.top).toBeGreaterThanOrEqual(image.bottom);
    await page.context().close();
  });
});
