/**
 * A site built for a sub-folder (BASE_PATH=/blog/, SITE_URL=https://example.org):
 * every URL it names for itself is under https://example.org/blog/ (or /blog/
 * when relative): links, scripts, stylesheets, images, fonts in the CSS, feed
 * links, canonical, Open Graph and Twitter URLs, JSON-LD, feed items, sitemap
 * locs, robots.txt. The corpus has math, code, MDX, a figure, XML-hostile text,
 * a series and more than one feed page.
 */
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import * as cheerio from 'cheerio';
import { XMLParser } from 'fast-xml-parser';
import { buildCorpusOrThrow, outputRoot, projectRoot } from '../helpers/build.ts';
import { auditSite } from '../helpers/output-audit.ts';
import { allText, listFiles } from '../helpers/site.ts';

const ORIGIN = 'https://example.org';
const BASE = '/blog/';
const SITE = `${ORIGIN}${BASE}`;

/** rich + feeds + reader + authoring (without its MDX that imports a file) + one more post: 11 visible posts, two feed pages. */
function writeMixedCorpus(dir: string): string {
  rmSync(dir, { recursive: true, force: true });
  for (const fixture of ['rich', 'feeds', 'reader', 'authoring']) {
    cpSync(join(projectRoot, 'tests', 'fixtures', fixture), dir, {
      recursive: true,
      filter: (source) => !source.includes('every-component'),
    });
  }
  writeFileSync(
    join(dir, 'eleventh.md'),
    '---\ntitle: 第十一篇\ndate: 2024-01-01\ncategory: Python\n---\n\n让首页分成两页的第十一篇文章。\n',
  );
  return dir;
}

let site = '';
beforeAll(() => {
  site = buildCorpusOrThrow('base-path', writeMixedCorpus(join(outputRoot, 'base-path-corpus')), {
    SITE_URL: ORIGIN,
    BASE_PATH: BASE,
  });
});

/** The URL a page is served at ("posts/x/index.html" → https://example.org/blog/posts/x/). */
const pageUrl = (file: string) => `${SITE}${file.replace(/(^|\/)index\.html$/, '$1')}`;

interface Reference {
  url: string;
  /** Where in the page: a CSS selector-like description. */
  where: string;
  /** A link a reader follows (may leave the site); everything else the page loads or names as itself. */
  navigation: boolean;
}

/** Every URL an HTML page names: attributes, URL-valued meta tags and JSON-LD strings. */
function referencesOf(html: string): Reference[] {
  const $ = cheerio.load(html);
  const references: Reference[] = [];
  const tag = (el: Parameters<typeof $>[0]) => String($(el).prop('tagName')).toLowerCase();
  const add = (url: string | undefined, where: string, navigation = false) => {
    if (url !== undefined) references.push({ url: url.trim(), where, navigation });
  };
  $('a[href], area[href]').each((_, el) => add($(el).attr('href'), `<${tag(el)} href>`, true));
  $('link[href]').each((_, el) => add($(el).attr('href'), `<link rel="${$(el).attr('rel')}">`));
  for (const attribute of ['src', 'poster', 'action', 'data', 'cite'])
    $(`[${attribute}]`).each((_, el) => add($(el).attr(attribute), `<${tag(el)} ${attribute}>`));
  $('[srcset]').each((_, el) => {
    for (const candidate of $(el).attr('srcset')!.split(','))
      add(candidate.trim().split(/\s+/)[0], `<${tag(el)} srcset>`);
  });
  $('meta[content]').each((_, el) => {
    const content = $(el).attr('content')!;
    if (/^(https?:)?\/\//.test(content) || content.startsWith('/'))
      add(content, `<meta ${$(el).attr('property') ?? $(el).attr('name')}>`);
  });
  $('script[type="application/ld+json"]').each((_, el) => {
    const walk = (value: unknown, path: string): void => {
      if (typeof value === 'string' && path !== '@context' && (/^(https?:)?\/\//.test(value) || value.startsWith('/')))
        add(value, `JSON-LD ${path}`);
      else if (Array.isArray(value)) value.forEach((item, index) => walk(item, `${path}[${index}]`));
      else if (typeof value === 'object' && value !== null)
        for (const [key, item] of Object.entries(value)) walk(item, path ? `${path}.${key}` : key);
    };
    walk(JSON.parse($(el).html()!), '');
  });
  return references;
}

/** Whether `url`, read on `base` (a page or file URL), stays under https://example.org/blog/. */
function underSite(url: string, base: string): boolean {
  if (/^(mailto|tel):/i.test(url)) return false;
  const target = new URL(url, base);
  return target.href.startsWith(SITE);
}

describe(`every page of a site built for ${SITE}`, () => {
  const pages = () => listFiles(site).filter((file) => file.endsWith('.html'));

  it('has the pages of the corpus, two feed pages among them', () => {
    expect(pages()).toEqual(
      expect.arrayContaining([
        'index.html',
        'page/2/index.html',
        'posts/math-and-code/index.html',
        'search/index.html',
        '404.html',
      ]),
    );
  });

  it('names only URLs under /blog/ for itself (links, assets, canonical, og:url, og:image, JSON-LD); root-relative ones start with /blog/', () => {
    const problems: string[] = [];
    let count = 0;
    for (const file of pages()) {
      for (const { url, where, navigation } of referencesOf(readFileSync(join(site, file), 'utf8'))) {
        count++;
        if (url.startsWith('/') && !url.startsWith('//') && !url.startsWith(BASE))
          problems.push(`${file}: ${where} "${url}" is root-relative outside ${BASE}`);
        const target = new URL(url, pageUrl(file));
        // Links to other sites (in post bodies) are fine; anything on this origin, and anything loaded, must be under the base.
        if (navigation && target.origin !== ORIGIN && /^https?:$/.test(target.protocol)) continue;
        if (navigation && /^(mailto|tel):$/.test(target.protocol)) continue;
        if (!underSite(url, pageUrl(file))) problems.push(`${file}: ${where} "${url}" is not under ${SITE}`);
      }
    }
    expect(count).toBeGreaterThan(500);
    expect(problems).toEqual([]);
  });

  it('has the canonical URL, og:url, og:image and JSON-LD url of each post under the base, absolute', () => {
    const $ = cheerio.load(readFileSync(join(site, 'posts/math-and-code/index.html'), 'utf8'));
    const page = `${SITE}posts/math-and-code/`;
    expect($('link[rel="canonical"]').attr('href')).toBe(page);
    expect($('meta[property="og:url"]').attr('content')).toBe(page);
    expect($('meta[property="og:image"]').attr('content')).toMatch(new RegExp(`^${SITE}`));
    const jsonLd = JSON.parse($('script[type="application/ld+json"]').html()!) as { url: string };
    expect(jsonLd.url).toBe(page);
    expect(
      $('link[rel="alternate"][type="application/rss+xml"]')
        .map((_, el) => $(el).attr('href'))
        .get(),
    ).toEqual([`${BASE}rss.xml`, `${BASE}rss-full.xml`]);
  });

  it('has a figure and scripts under /blog/_astro/ (and any stylesheet link there too)', () => {
    const $ = cheerio.load(readFileSync(join(site, 'posts/math-post/index.html'), 'utf8'));
    expect($('.prose figure img').attr('src')).toMatch(/^\/blog\/_astro\/figure\.[\w-]+\.svg$/);
    expect($('script[src]').length).toBeGreaterThan(0);
    $('script[src]').each((_, el) => void expect($(el).attr('src')).toMatch(/^\/blog\/_astro\//));
    $('link[rel="stylesheet"]').each((_, el) => void expect($(el).attr('href')).toMatch(/^\/blog\/_astro\//));
  });
});

describe('assets under /blog/', () => {
  it('stylesheets (inlined in each page, or files) load their fonts from under /blog/', () => {
    const urls: string[] = [];
    for (const file of listFiles(site).filter((f) => f.endsWith('.css') || f.endsWith('.html'))) {
      const text = readFileSync(join(site, file), 'utf8');
      const css = file.endsWith('.css') ? text : cheerio.load(text)('style').text();
      for (const match of css.matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/g)) {
        if (match[1]!.startsWith('data:')) continue;
        urls.push(match[1]!);
        expect(underSite(match[1]!, `${SITE}${file}`), `${file}: ${match[1]}`).toBe(true);
      }
    }
    expect(urls.some((url) => url.includes('KaTeX_Main'))).toBe(true);
  });

  it('the bundled scripts load Pagefind from /blog/pagefind/ and name no root-relative asset outside /blog/', () => {
    const scripts = listFiles(site).filter((f) => f.startsWith('_astro/') && f.endsWith('.js'));
    const code = scripts.map((file) => readFileSync(join(site, file), 'utf8')).join('\n');
    expect(code).toMatch(/[`"']\/blog\/[`"']/);
    expect(code).not.toMatch(/["'`]\/(_astro|pagefind)\//);
  });

  it('holds no URL of the default origin anywhere', () => {
    expect(allText(site)).not.toContain('ml-notes.github.io');
  });
});

describe('feeds, sitemaps and robots.txt under /blog/', () => {
  const parser = new XMLParser({
    ignoreAttributes: false,
    isArray: (name) => ['item', 'url', 'sitemap'].includes(name),
  });
  const read = (file: string) => readFileSync(join(site, file), 'utf8');

  it('name the channel, self link and every item under https://example.org/blog/', () => {
    for (const file of ['rss.xml', 'rss-full.xml']) {
      const { channel } = (
        parser.parse(read(file)) as {
          rss: {
            channel: {
              link: string;
              'atom:link': { '@_href': string };
              item: { link: string; guid: { '#text': string } }[];
            };
          };
        }
      ).rss;
      expect(channel.link).toBe(SITE);
      expect(channel['atom:link']['@_href']).toBe(`${SITE}${file}`);
      expect(channel.item.length).toBeGreaterThan(5);
      for (const item of channel.item) {
        expect(item.link.startsWith(`${SITE}posts/`), item.link).toBe(true);
        expect(item.guid['#text']).toBe(item.link);
      }
    }
  });

  it('list every sitemap and page under https://example.org/blog/', () => {
    const index = parser.parse(read('sitemap-index.xml')) as { sitemapindex: { sitemap: { loc: string }[] } };
    expect(index.sitemapindex.sitemap.map((entry) => entry.loc)).toEqual([`${SITE}sitemap-0.xml`]);
    const locs = (parser.parse(read('sitemap-0.xml')) as { urlset: { url: { loc: string }[] } }).urlset.url.map(
      (entry) => entry.loc,
    );
    expect(locs).toEqual(
      expect.arrayContaining([SITE, `${SITE}page/2/`, `${SITE}posts/math-and-code/`, `${SITE}search/`]),
    );
    for (const loc of locs) expect(loc.startsWith(SITE), loc).toBe(true);
    expect(read('robots.txt')).toMatch(new RegExp(`^Sitemap: ${SITE}sitemap-index\\.xml$`, 'm'));
  });
});

describe('the output audit', () => {
  it('finds nothing wrong', () => {
    expect(auditSite(site)).toEqual([]);
  });
});
