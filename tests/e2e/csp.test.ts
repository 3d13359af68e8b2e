/**
 * The Content-Security-Policy (src/integrations/csp.ts) and public/_headers.
 *
 * - Every page carries one CSP <meta> with the site's directives; the policy in
 *   public/_headers is the same one (without per-build hashes, with
 *   frame-ancestors), and its caching rules give every built file exactly one
 *   Cache-Control, immutable only for content-hashed names.
 * - In chromium, first with the <meta> alone (as GitHub Pages serves the site),
 *   then with the headers of public/_headers added to every response (as Netlify
 *   or Cloudflare Pages serve it, which also puts the policy on Pagefind's
 *   worker): the feed, a post with math, code and a figure, the theme toggle,
 *   the search dialog and the search page all work, with no CSP violation and no
 *   console error or warning.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import * as cheerio from 'cheerio';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, searchInDialog, serveSite, type StaticSite } from '../helpers/browser.ts';
import { projectRoot } from '../helpers/build.ts';
import { listFiles } from '../helpers/site.ts';
import { headerPolicy } from '../../src/integrations/csp.ts';
import { THEME_INIT_HASH, THEME_INIT_SCRIPT } from '../../src/integrations/theme-init.ts';

const siteDir = inject('siteDir');

// ---------------------------------------------------------------------------
// public/_headers

interface HeaderRule {
  path: string;
  headers: [name: string, value: string][];
}

function readHeadersFile(): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of readFileSync(join(projectRoot, 'public', '_headers'), 'utf8').split('\n')) {
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      rules.push({ path: line.trim(), headers: [] });
      continue;
    }
    const match = /^\s+([A-Za-z-]+):\s*(.+)$/.exec(line);
    if (!match || rules.length === 0) throw new Error(`public/_headers: cannot read "${line}"`);
    rules.at(-1)!.headers.push([match[1]!, match[2]!.trim()]);
  }
  return rules;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** How the two hosts match a rule's path (Netlify: @netlify/headers-parser getForRegExp; Cloudflare Pages: splat and placeholders). */
const MATCHERS = {
  netlify: (path: string) => {
    const parts = path
      .split('/')
      .filter(Boolean)
      .map((part) => {
        if (part.startsWith(':')) return '([^/]+)';
        if (part === '*') return '?(.*)';
        return part.split('*').map(escapeRegExp).join('(.*)');
      });
    return new RegExp(`^/${parts.join('/')}/?$`, 'iu');
  },
  cloudflare: (path: string) =>
    new RegExp(
      `^${path
        .split(/(\*|:[A-Za-z]\w*)/)
        .map((part) => (part === '*' ? '.*' : part.startsWith(':') ? '[^/]+' : escapeRegExp(part)))
        .join('')}$`,
    ),
};

/** The URL path a built file is served at ("posts/pca/index.html" → "/posts/pca/"). */
const urlPathOf = (file: string) => `/${file.replace(/(^|\/)index\.html$/, '$1')}`;

/** Headers of every rule matching a URL path, joined the way Cloudflare Pages joins them. */
function headersFor(rules: HeaderRule[], urlPath: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const rule of rules.filter((r) => MATCHERS.cloudflare(r.path).test(urlPath))) {
    for (const [name, value] of rule.headers) {
      const key = name.toLowerCase();
      headers[key] = headers[key] === undefined ? value : `${headers[key]}, ${value}`;
    }
  }
  return headers;
}

/** A CSP as directive name → sorted sources. */
function parsePolicy(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const directive of policy
    .split(';')
    .map((d) => d.trim())
    .filter(Boolean)) {
    const [name, ...sources] = directive.split(/\s+/);
    expect(directives.has(name!), `${name} given twice in "${policy}"`).toBe(false);
    directives.set(name!, sources.sort());
  }
  return directives;
}

const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'public, max-age=0, must-revalidate';
/** Files whose names change with their content (Vite's bundles and assets; Pagefind's chunks). */
const CONTENT_HASHED = /^(_astro|pagefind\/(index|fragment|filter))\//;

describe('public/_headers', () => {
  const rules = readHeadersFile();

  it('sends the site policy and the security headers on every path', () => {
    const all = rules.find((rule) => rule.path === '/*');
    expect(Object.fromEntries(all!.headers)).toEqual({
      'Content-Security-Policy': headerPolicy(),
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'strict-origin-when-cross-origin',
      'X-Frame-Options': 'DENY',
      'Permissions-Policy': expect.stringMatching(/^(?:[a-z-]+=\(\)(?:, |$))+$/),
    });
    // No other rule sets security headers (a host would join two policies into one broken header).
    for (const rule of rules.filter((r) => r !== all))
      expect(rule.headers.map(([name]) => name)).toEqual(['Cache-Control']);
  });

  it.each(Object.keys(MATCHERS) as (keyof typeof MATCHERS)[])(
    'gives every built file one Cache-Control under %s matching',
    (host) => {
      const files = listFiles(siteDir).filter((file) => file !== '_headers');
      expect(files.length).toBeGreaterThan(50);
      const problems: string[] = [];
      for (const file of files) {
        const path = urlPathOf(file);
        const values = rules
          .filter((rule) => MATCHERS[host](rule.path).test(path))
          .flatMap((rule) => rule.headers.filter(([name]) => name === 'Cache-Control').map(([, value]) => value));
        const expected = CONTENT_HASHED.test(file) ? IMMUTABLE : REVALIDATE;
        if (values.length !== 1 || values[0] !== expected)
          problems.push(`${path}: ${JSON.stringify(values)}, expected ["${expected}"]`);
      }
      expect(problems, 'add or fix a rule in public/_headers').toEqual([]);
    },
  );
});

describe('CSP <meta> of every page', () => {
  const pages = listFiles(siteDir).filter((file) => file.endsWith('.html'));

  it('is the header policy plus Astro hashes, minus what only a header can carry', () => {
    const header = parsePolicy(headerPolicy());
    header.delete('frame-ancestors');
    // The header cannot name a build's hashes, so it allows inline styles and the <meta> pins them.
    header.set(
      'style-src',
      header.get('style-src')!.filter((source) => source !== "'unsafe-inline'"),
    );
    const hashless = (sources: string[]) => sources.filter((s) => !/^'sha(256|384|512)-/.test(s));
    for (const file of pages) {
      const $ = cheerio.load(readFileSync(join(siteDir, file), 'utf8'));
      const metas = $('meta[http-equiv="content-security-policy"]');
      expect(metas, file).toHaveLength(1);
      const meta = parsePolicy(metas.attr('content')!);
      expect([...meta.keys()].sort(), file).toEqual([...header.keys()].sort());
      for (const [name, sources] of meta)
        expect(hashless(sources), `${file}: ${name}`).toEqual(hashless(header.get(name)!));
      expect(meta.get('script-src'), file).toContain(`'${THEME_INIT_HASH}'`);
    }
  });

  it('allows the one inline script and the one inline stylesheet by their hashes, and there is no other inline script or handler', () => {
    expect(THEME_INIT_HASH).toBe(`sha256-${createHash('sha256').update(THEME_INIT_SCRIPT).digest('base64')}`);
    for (const file of pages) {
      const $ = cheerio.load(readFileSync(join(siteDir, file), 'utf8'));
      const inline = $('script:not([src])').filter((_, el) => $(el).attr('type') !== 'application/ld+json');
      expect(inline.map((_, el) => $(el).html()).get(), file).toEqual([THEME_INIT_SCRIPT]);
      const styles = $('style');
      expect(styles, file).toHaveLength(1);
      const styleHash = `'sha256-${createHash('sha256').update(styles.html()!).digest('base64')}'`;
      expect(
        parsePolicy($('meta[http-equiv="content-security-policy"]').attr('content')!).get('style-src'),
        file,
      ).toContain(styleHash);
      const handlers = $('*').filter((_, el) =>
        Object.keys((el as unknown as { attribs: Record<string, string> }).attribs).some((name) => /^on/i.test(name)),
      );
      expect(handlers, file).toHaveLength(0);
      expect($('[href^="javascript:" i], [src^="javascript:" i]'), file).toHaveLength(0);
    }
  });
});

// ---------------------------------------------------------------------------
// In the browser

interface Problems {
  violations: string[];
  console: string[];
}

describe.each([
  { mode: 'the <meta> policy alone', withHeaders: false },
  { mode: 'the <meta> policy and the public/_headers headers', withHeaders: true },
])('in chromium with $mode', ({ withHeaders }) => {
  let site: StaticSite;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const problems: Problems = { violations: [], console: [] };
  const withPolicyHeader = new Set<string>();

  beforeAll(async () => {
    site = await serveSite(siteDir);
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: 'light' });
    if (withHeaders) {
      const rules = readHeadersFile();
      await context.route(`${site.url}**`, async (route) => {
        const response = await route.fetch();
        const path = new URL(route.request().url()).pathname;
        const headers = { ...response.headers(), ...headersFor(rules, path) };
        if (headers['content-security-policy']) withPolicyHeader.add(path);
        await route.fulfill({ response, headers });
      });
    }
    await context.exposeBinding('reportCspViolation', (_source, text: string) => void problems.violations.push(text));
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        const report = (window as unknown as { reportCspViolation(text: string): void }).reportCspViolation;
        report(
          `${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} at ${event.sourceFile}:${event.lineNumber} (${event.sample})`,
        );
      });
    });
    page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning')
        problems.console.push(`${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.console.push(`pageerror: ${error.message}`));
  });

  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it('shows the feed and switches the theme, which the inline script restores on the next page', async () => {
    await page.goto(site.url);
    expect(await page.locator('.post-card').count()).toBeGreaterThan(0);
    const toggle = page.locator('[data-theme-toggle]');
    await toggle.waitFor({ state: 'visible' });
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    await toggle.click();
    expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toBe('dark');
    await page.goto(`${site.url}archive/`);
    // The theme script (allowed by its hash) pinned the saved choice before the toggle's module ran.
    expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toBe('dark');
    expect(await page.locator('[data-theme-toggle]').getAttribute('aria-pressed')).toBe('true');
    await page.locator('[data-theme-toggle]').click();
    expect(await page.evaluate(() => localStorage.getItem('theme'))).toBe('light');
  });

  it('renders a post with math (KaTeX fonts and inline styles), highlighted code and a figure', async () => {
    await page.goto(`${site.url}posts/pca/`);
    const display = page.locator('.prose .katex-display').first();
    await display.scrollIntoViewIfNeeded();
    expect((await display.boundingBox())?.height ?? 0).toBeGreaterThan(15);
    await page.evaluate(() => document.fonts.ready);
    expect(await page.evaluate(() => document.fonts.check('16px KaTeX_Main'))).toBe(true);
    // KaTeX's style="" attributes apply: struts have their inline heights.
    expect(
      await page
        .locator('.katex .strut')
        .first()
        .evaluate((el) => getComputedStyle(el).height),
    ).not.toBe('auto');
    // Shiki's colours come from style="--shiki-light:…" attributes.
    const colours = await page
      .locator('pre.astro-code')
      .first()
      .evaluate((pre) => new Set([...pre.querySelectorAll('span span')].map((s) => getComputedStyle(s).color)).size);
    expect(colours).toBeGreaterThanOrEqual(3);
    const figure = page.locator('.prose figure img').first();
    await figure.scrollIntoViewIfNeeded();
    expect(await figure.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  });

  it('searches in the dialog (Pagefind, its worker and WebAssembly) and follows a result', async () => {
    const first = await searchInDialog(page, site.url, '协方差矩阵');
    expect(await first.locator('.search-result__title').innerText()).toBe('PCA 原理总结');
    await first.click();
    await page.waitForURL(/\/posts\/pca\/$/);
  });

  it('searches on the search page', async () => {
    await page.goto(`${site.url}search/?q=${encodeURIComponent('逐点卷积')}`);
    const first = page.locator('.page-column [data-search-results] a').first();
    await first.waitFor();
    expect(await page.locator('.page-column [data-search-results] li').count()).toBeGreaterThan(0);
    expect(await page.locator('.page-column [data-search-results] mark').count()).toBeGreaterThan(0);
  });

  it('saw no CSP violation and no console error or warning', async () => {
    expect(problems.violations).toEqual([]);
    expect(problems.console).toEqual([]);
    await page.evaluate(() => {
      const img = document.createElement('img');
      img.src = 'https://example.invalid/pixel.png';
      document.body.append(img);
    });
    // Control: a refused load is seen both ways, once per policy in force (CSP refuses it before any request).
    const policies = withHeaders ? 2 : 1;
    await expect
      .poll(() => problems.violations)
      .toEqual(Array(policies).fill(expect.stringMatching(/^img-src blocked https:\/\/example\.invalid\/pixel\.png/)));
    await expect
      .poll(() => problems.console)
      .toEqual(
        Array(policies).fill(
          expect.stringMatching(/^error: Loading the image 'https:\/\/example\.invalid\/pixel\.png' violates/),
        ),
      );
    if (withHeaders) {
      // The policy header reached the pages and Pagefind's worker script.
      expect([...withPolicyHeader]).toEqual(
        expect.arrayContaining(['/', '/posts/pca/', '/search/', '/pagefind/pagefind-worker.js']),
      );
    }
  });
});
