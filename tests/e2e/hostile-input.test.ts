/**
 * Hostile input in a real browser (tests/fixtures/hostile, built here): the post
 * whose title, description and tags are markup, its tag pages, the feeds, the
 * post with hostile raw HTML, the MDX post, and the search dialog and search
 * page listing that post. No dialog ever opens (page.on('dialog')), no element
 * with an event handler, no frame or plug-in exists, and nothing is fetched
 * from outside the site.
 *
 * Each page is visited twice: once with the page's Content-Security-Policy
 * bypassed, so escaping and sanitizing are tested on their own, and once with
 * it, where not even a CSP violation may be reported (nothing tried to run).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, searchInDialog, serveSite, type StaticSite } from '../helpers/browser.ts';
import { buildCorpusOrThrow } from '../helpers/build.ts';
import { normalizeSlug } from '../../src/lib/slug.ts';

const HOSTILE_TITLE =
  '</title><script>alert(1)</script> "><svg onload=alert(1)> ]]> & &amp; 😀 👨‍👩‍👧‍👦 مرحبا שלום exe.txt 铃声';
const HOSTILE_TAGS = [
  '</title><script>alert(1)</script>',
  '"><svg onload=alert(1)>',
  'R&D',
  '&amp;',
  'العربية',
  'עברית',
];

const PAGES = [
  '',
  'posts/hostile-metadata/',
  'posts/raw-html/',
  'posts/mdx-allowed/',
  'tags/',
  'archive/',
  ...HOSTILE_TAGS.map((tag) => `tags/${encodeURIComponent(normalizeSlug(tag))}/`),
  'search/?q=hostileprobe',
];
const FEEDS = ['rss.xml', 'rss-full.xml'];

interface Visitor {
  context: BrowserContext;
  page: Page;
  dialogs: string[];
  foreign: string[];
  cspReports: string[];
}

let site: StaticSite;
let browser: Browser;
const visitors: Record<'bypassingCsp' | 'withCsp', Visitor> = {} as Record<'bypassingCsp' | 'withCsp', Visitor>;

async function visitor(bypassCSP: boolean): Promise<Visitor> {
  const context = await browser.newContext({ bypassCSP, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const found: Visitor = { context, page, dialogs: [], foreign: [], cspReports: [] };
  page.on('dialog', (dialog) => {
    found.dialogs.push(`${page.url()}: ${dialog.type()} "${dialog.message()}"`);
    void dialog.dismiss();
  });
  page.on('request', (request) => {
    if (!request.url().startsWith(site.url) && !request.url().startsWith('data:')) found.foreign.push(request.url());
  });
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text()))
      found.cspReports.push(`${page.url()}: ${message.text()}`);
  });
  return found;
}

beforeAll(async () => {
  const dir = buildCorpusOrThrow('hostile-e2e', 'tests/fixtures/hostile');
  site = await serveSite(dir);
  browser = await launchChromium();
  visitors.bypassingCsp = await visitor(true);
  visitors.withCsp = await visitor(false);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/** Elements the hostile text would have created had it been parsed: handlers, frames, plug-ins, injected scripts. */
async function injected(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    for (const element of Array.from(document.querySelectorAll('*'))) {
      for (const name of element.getAttributeNames()) {
        if (/^on/i.test(name)) found.push(`<${element.localName} ${name}>`);
      }
      const href = element.getAttribute('href') ?? element.getAttribute('src') ?? '';
      if (/^\s*(javascript|vbscript|data:text\/html)/i.test(href)) found.push(`<${element.localName} href="${href}">`);
    }
    for (const element of Array.from(
      document.querySelectorAll('iframe, frame, object, embed, base, form[action*="evil"], meta[http-equiv="refresh"]'),
    )) {
      found.push(element.outerHTML.slice(0, 80));
    }
    for (const script of Array.from(document.scripts)) {
      if (script.type !== 'application/ld+json' && script.text.includes('alert('))
        found.push(script.outerHTML.slice(0, 80));
    }
    return found;
  });
}

/** Lets load/error handlers (if any had survived) fire before looking. */
const settle = (page: Page) => page.waitForTimeout(150);

for (const mode of ['bypassingCsp', 'withCsp'] as const) {
  describe(`hostile pages (${mode === 'bypassingCsp' ? 'CSP bypassed' : 'with the CSP'})`, () => {
    it('open no dialog and hold no injected element', async () => {
      const { page } = visitors[mode];
      for (const path of PAGES) {
        const response = await page.goto(`${site.url}${path}`, { waitUntil: 'load' });
        expect(response?.status(), path).toBe(200);
        await settle(page);
        expect(await injected(page), path).toEqual([]);
      }
      expect(visitors[mode].dialogs).toEqual([]);
    });

    it('show the hostile title and tags as text', async () => {
      const { page } = visitors[mode];
      await page.goto(`${site.url}posts/hostile-metadata/`);
      expect(await page.title()).toBe(`${HOSTILE_TITLE} | 机器学习札记`);
      expect(await page.locator('h1').textContent()).toBe(HOSTILE_TITLE);
      expect(await page.locator('.post-header__tags a').allTextContents()).toEqual(
        expect.arrayContaining(HOSTILE_TAGS.map((tag) => `#${tag}`)),
      );
      await page.locator('.post-header__tags a').first().click();
      await page.waitForURL(/\/tags\//);
      await settle(page);
      expect(await page.locator('main h1').textContent()).toBe(`#${HOSTILE_TAGS[0]}`);
      expect(await injected(page)).toEqual([]);
    });

    it('list the post in the search dialog and on the search page as text', async () => {
      const { page } = visitors[mode];
      const first = await searchInDialog(page, site.url, 'hostileprobe');
      expect(await first.locator('.search-result__title').textContent()).toBe(HOSTILE_TITLE);
      const results = page.locator('#search-dialog [data-search-results]');
      expect(await results.locator('mark').count()).toBeGreaterThan(0);
      // The body's markup-like text is shown as text in Pagefind's excerpt.
      expect(await results.locator('.search-result__excerpt').first().textContent()).toContain(
        '<img src=x onerror=alert(1)>',
      );
      expect(await results.locator('img, svg, script, iframe').count()).toBe(0);
      await settle(page);
      expect(await injected(page)).toEqual([]);

      await page.goto(`${site.url}search/?q=hostileprobe`);
      const onPage = page.locator('main [data-search-results] a .search-result__title').first();
      await onPage.waitFor();
      expect(await onPage.textContent()).toBe(HOSTILE_TITLE);
      await settle(page);
      expect(await injected(page)).toEqual([]);
    });

    it('open the feeds without running anything', async () => {
      const { page } = visitors[mode];
      for (const feed of FEEDS) {
        const response = await page.goto(`${site.url}${feed}`);
        expect(response?.status()).toBe(200);
        await settle(page);
        expect(
          await page.evaluate(() => document.getElementsByTagNameNS('http://www.w3.org/2000/svg', 'svg').length),
        ).toBe(0);
        expect(
          await page.evaluate(() => document.getElementsByTagNameNS('http://www.w3.org/1999/xhtml', 'script').length),
        ).toBe(0);
      }
    });

    it('never opened a dialog, fetched nothing from outside and (with the CSP) reported no violation', () => {
      expect(visitors[mode].dialogs).toEqual([]);
      expect(visitors[mode].foreign).toEqual([]);
      expect(visitors[mode].cspReports).toEqual([]);
    });
  });
}
