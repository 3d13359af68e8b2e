/**
 * The RSS feeds (rss.xml, rss-full.xml), the sitemap and robots.txt of a fixture
 * corpus with math in .md and .mdx, a draft and a post whose title, tags and
 * description hold XML-hostile text; built at the root of one origin and under
 * /blog/ of another.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import * as cheerio from 'cheerio';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { buildCorpusOrThrow, outputRoot } from '../helpers/build.ts';
import { listFiles } from '../helpers/site.ts';

const corpus = 'tests/fixtures/feeds';
const root = { site: 'https://ml-notes.github.io', base: '/' };
const blog = { site: 'https://example.org', base: '/blog/' };
const sites = { root: '', blog: '', many: '' };

/** Title and tags of tests/fixtures/feeds/hostile.md as a reader must see them: U+0007 ("\a") removed. */
const HOSTILE_TITLE = 'Q&A <script>alert(1)</script> ]]> 👩‍💻 结束';
const HOSTILE_TAGS = ['R&D', '<b>粗体</b>', ']]>', '👨‍👩‍👧‍👦', '铃声'];
const TITLES_NEWEST_FIRST = [HOSTILE_TITLE, '行内与显示公式', 'MDX 里的公式'];
/** Text that only the draft holds (title, body word, tag, file name). */
const DRAFT_TEXTS = ['订阅里不该出现的草稿', '订阅草稿专属词', '草稿标签', 'unpublished'];

/** A corpus of 22 posts (one a day), written at test time, for the size limit of the feeds. */
function writeManyPostsCorpus(): string {
  const dir = join(outputRoot, 'feeds-many-source');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (let n = 1; n <= 22; n++) {
    const day = String(n).padStart(2, '0');
    writeFileSync(
      join(dir, `post-${day}.md`),
      `---\ntitle: 第 ${n} 篇\ndate: 2025-01-${day}\ncategory: Python\n---\n\n第 ${n} 篇的正文。\n`,
    );
  }
  return dir;
}

beforeAll(() => {
  sites.root = buildCorpusOrThrow('feeds', corpus, { SITE_URL: root.site, BASE_PATH: root.base });
  sites.blog = buildCorpusOrThrow('feeds-blog', corpus, { SITE_URL: blog.site, BASE_PATH: blog.base });
  sites.many = buildCorpusOrThrow('feeds-many', writeManyPostsCorpus(), { SITE_URL: root.site, BASE_PATH: root.base });
});

// ---------------------------------------------------------------------------
// Reading XML strictly

/** XML 1.0 `Char`. fast-xml-parser's validator does not check characters, so this does. */
const NOT_XML_CHAR = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

/** Problems a strict XML 1.0 parser would report that XMLValidator does not look for. */
function characterProblems(xml: string): string[] {
  const problems: string[] = [];
  const bad = NOT_XML_CHAR.exec(xml);
  if (bad)
    problems.push(`character U+${bad[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} at ${bad.index}`);
  const c1 = /[\x7F-\x9F]/.exec(xml);
  if (c1) problems.push(`control character U+${c1[0].charCodeAt(0).toString(16).toUpperCase()} at ${c1.index}`);
  for (const match of xml.matchAll(/&#(x[0-9a-fA-F]+|[0-9]+);/g)) {
    const code = match[1]!.startsWith('x') ? parseInt(match[1]!.slice(1), 16) : parseInt(match[1]!, 10);
    if (code > 0x10ffff || NOT_XML_CHAR.test(String.fromCodePoint(code))) problems.push(`reference ${match[0]}`);
  }
  // "]]>" may only end a CDATA section.
  if (xml.replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '').includes(']]>')) problems.push('"]]>" outside CDATA');
  return problems;
}

function strictlyWellFormed(xml: string): true | string {
  const validation = XMLValidator.validate(xml);
  if (validation !== true) return JSON.stringify(validation.err);
  const problems = characterProblems(xml);
  return problems.length === 0 ? true : problems.join('; ');
}

const parser = new XMLParser({
  ignoreAttributes: false,
  parseTagValue: false,
  parseAttributeValue: false,
  isArray: (name) => ['item', 'category', 'url', 'sitemap'].includes(name),
});

interface FeedItem {
  title: string;
  link: string;
  guid: { '#text': string; '@_isPermaLink'?: string };
  description: string;
  pubDate: string;
  category: string[];
  'content:encoded'?: string;
  enclosure?: { '@_url': string };
}

interface Feed {
  rss: {
    '@_version': string;
    channel: {
      title: string;
      description: string;
      link: string;
      language: string;
      'atom:link': { '@_href': string; '@_rel': string };
      item?: FeedItem[];
    };
  };
}

const readText = (siteDir: string, file: string) => readFileSync(join(siteDir, file), 'utf8');

function readFeed(siteDir: string, file: string): Feed['rss']['channel'] {
  const xml = readText(siteDir, file);
  expect(strictlyWellFormed(xml), file).toBe(true);
  const feed = parser.parse(xml) as Feed;
  expect(feed.rss['@_version']).toBe('2.0');
  return feed.rss.channel;
}

const items = (siteDir: string, file: string) => readFeed(siteDir, file).item ?? [];

/** Every URL a feed names: channel link, self link, item link, guid, enclosure. */
function feedUrls(siteDir: string, file: string): string[] {
  const channel = readFeed(siteDir, file);
  return [
    channel.link,
    channel['atom:link']['@_href'],
    ...(channel.item ?? []).flatMap((item) => [
      item.link,
      item.guid['#text'],
      ...(item.enclosure ? [item.enclosure['@_url']] : []),
    ]),
  ];
}

function sitemapUrls(siteDir: string): string[] {
  const index = parser.parse(readText(siteDir, 'sitemap-index.xml')) as {
    sitemapindex: { sitemap: { loc: string }[] };
  };
  const locs = index.sitemapindex.sitemap.map((entry) => entry.loc);
  for (const file of listFiles(siteDir).filter((f) => /^sitemap-\d+\.xml$/.test(f))) {
    const sitemap = parser.parse(readText(siteDir, file)) as { urlset: { url: { loc: string }[] } };
    locs.push(...sitemap.urlset.url.map((entry) => entry.loc));
  }
  return locs;
}

/** URLs in the HTML of content:encoded (href, src, srcset candidates). */
function contentUrls(html: string): string[] {
  const $ = cheerio.load(html, null, false);
  const urls: string[] = [];
  $('[href]').each((_, el) => void urls.push($(el).attr('href')!));
  $('[src]').each((_, el) => void urls.push($(el).attr('src')!));
  $('[srcset]').each(
    (_, el) =>
      void urls.push(
        ...$(el)
          .attr('srcset')!
          .split(',')
          .map((c) => c.trim().split(/\s+/)[0]!),
      ),
  );
  return urls;
}

const ASCII_URL = /^[\x21-\x7e]+$/;
const underSite = (url: string, where: { site: string; base: string }) => url.startsWith(`${where.site}${where.base}`);

// ---------------------------------------------------------------------------

describe('every XML file', () => {
  it('is well-formed for a strict XML parser (rss.xml, rss-full.xml, sitemaps)', () => {
    for (const siteDir of [sites.root, sites.blog, sites.many]) {
      const xmlFiles = listFiles(siteDir).filter((file) => file.endsWith('.xml') && !file.startsWith('pagefind/'));
      expect(xmlFiles).toEqual(
        expect.arrayContaining(['rss-full.xml', 'rss.xml', 'sitemap-0.xml', 'sitemap-index.xml']),
      );
      for (const file of xmlFiles) expect(strictlyWellFormed(readText(siteDir, file)), `${siteDir}/${file}`).toBe(true);
    }
  });

  it('holds nothing of the draft', () => {
    for (const siteDir of [sites.root, sites.blog]) {
      for (const file of listFiles(siteDir).filter((f) => f.endsWith('.xml'))) {
        const xml = readText(siteDir, file);
        for (const text of DRAFT_TEXTS) expect(xml, `${file} contains "${text}"`).not.toContain(text);
      }
    }
  });

  it('names only ASCII, absolute URLs under the site (feed links, guids, enclosures, sitemap locs)', () => {
    for (const [siteDir, where] of [
      [sites.root, root],
      [sites.blog, blog],
    ] as const) {
      const urls = [...feedUrls(siteDir, 'rss.xml'), ...feedUrls(siteDir, 'rss-full.xml'), ...sitemapUrls(siteDir)];
      expect(urls.length).toBeGreaterThan(10);
      for (const url of urls) {
        expect(url, url).toMatch(ASCII_URL);
        expect(underSite(url, where), `${url} is not under ${where.site}${where.base}`).toBe(true);
      }
    }
  });
});

describe('rss.xml', () => {
  it('describes the site in its channel', () => {
    const channel = readFeed(sites.root, 'rss.xml');
    expect(channel.title).toBe('机器学习札记');
    expect(channel.description).toBe('机器学习、深度学习与计算机视觉的原理推导和工程实践笔记。');
    expect(channel.link).toBe('https://ml-notes.github.io/');
    expect(channel.language).toBe('zh-CN');
    expect(channel['atom:link']).toMatchObject({ '@_href': 'https://ml-notes.github.io/rss.xml', '@_rel': 'self' });
  });

  it('lists the visible posts newest first, without the draft', () => {
    const list = items(sites.root, 'rss.xml');
    expect(list.map((item) => item.title)).toEqual(TITLES_NEWEST_FIRST);
    const times = list.map((item) => Date.parse(item.pubDate));
    expect(times.every((time) => !Number.isNaN(time))).toBe(true);
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    // 2025-05-01 10:00 in Asia/Shanghai.
    expect(list[0]!.pubDate).toBe('Thu, 01 May 2025 02:00:00 GMT');
  });

  it('gives each item a percent-encoded permalink as link and guid, its category and tags, and its excerpt', () => {
    const [hostile, math, mdx] = items(sites.root, 'rss.xml');
    expect(hostile!.link).toBe('https://ml-notes.github.io/posts/%E5%8D%B1%E9%99%A9-%E5%AD%97%E7%AC%A6/');
    expect(math!.link).toBe('https://ml-notes.github.io/posts/math-post/');
    for (const item of [hostile!, math!, mdx!]) {
      expect(item.guid['#text']).toBe(item.link);
      expect(item.guid['@_isPermaLink']).toBe('true');
      expect(item['content:encoded']).toBeUndefined();
    }
    expect(math!.category).toEqual(['机器学习', 'KaTeX', 'MathML']);
    // The tag "Python" repeats the category: named once.
    expect(mdx!.category).toEqual(['Python', 'MDX']);
    expect(mdx!.description).toMatch(/^一篇 MDX 文章，公式同样出现在全文订阅里/);
    expect(math!.description).toMatch(/^行内公式 /);
  });

  it('decodes XML-hostile titles, tags and descriptions exactly, control characters removed', () => {
    const [hostile] = items(sites.root, 'rss.xml');
    expect(hostile!.title).toBe(HOSTILE_TITLE);
    expect(hostile!.category).toEqual(['自然语言处理', ...HOSTILE_TAGS]);
    expect(hostile!.description).toContain('a < b && c > d ]]> <script>x</script> 👩‍🔬');
    expect(hostile!.description).not.toMatch(/\x07/);
  });

  it('holds at most the latest 20 posts', () => {
    const list = items(sites.many, 'rss.xml');
    expect(list).toHaveLength(20);
    expect(list[0]!.title).toBe('第 22 篇');
    expect(list[19]!.title).toBe('第 3 篇');
    expect(items(sites.many, 'rss-full.xml').map((item) => item.title)).toEqual(list.map((item) => item.title));
  });
});

describe('rss-full.xml', () => {
  const contentOf = (siteDir: string, title: string) => {
    const item = items(siteDir, 'rss-full.xml').find((i) => i.title === title);
    expect(item, title).toBeDefined();
    return item!['content:encoded'] ?? '';
  };

  it('has the same items as rss.xml, each with the whole post', () => {
    const full = items(sites.root, 'rss-full.xml');
    const short = items(sites.root, 'rss.xml');
    expect(
      full.map(({ title, link, pubDate, category, description }) => ({ title, link, pubDate, category, description })),
    ).toEqual(
      short.map(({ title, link, pubDate, category, description }) => ({ title, link, pubDate, category, description })),
    );
    const mdx = cheerio.load(contentOf(sites.root, 'MDX 里的公式'), null, false);
    expect(mdx('p').first().text()).toContain('表达式的值是 42');
    // Code as plain text: Shiki's CSS-variable colours mean nothing without the site's stylesheet.
    expect(mdx('pre > code.language-python').text()).toBe('if a < b and c > 0:\n    print("]]> 代码")');
    expect(mdx('pre span, pre [style]')).toHaveLength(0);
    // The body's U+0007 is removed; its markup characters survive escaped HTML inside escaped XML.
    const hostile = cheerio.load(contentOf(sites.root, HOSTILE_TITLE), null, false);
    expect(hostile('p').text()).toBe('正文里的控制字符应被删除；比较 a < b && c > d，以及 ]]> 这样的序列。');
  });

  it('gives math as MathML, .md and .mdx alike, with no KaTeX HTML', () => {
    expect(readText(sites.root, 'rss-full.xml')).not.toContain('katex-html');
    for (const [title, formulas] of [
      ['行内与显示公式', 3],
      ['MDX 里的公式', 2],
    ] as const) {
      const html = contentOf(sites.root, title);
      expect(html).toContain('<math');
      const $ = cheerio.load(html, null, false);
      expect($('math'), title).toHaveLength(formulas);
      expect($('math[display="block"]'), title).toHaveLength(1);
      expect($('.katex, .katex-display, .katex-html, .katex-mathml'), title).toHaveLength(0);
    }
    const $ = cheerio.load(contentOf(sites.root, '行内与显示公式'), null, false);
    expect($('p math annotation').first().text()).toBe('E = mc^2');
  });

  it('makes links and image sources absolute (and ASCII) under the base path', () => {
    for (const [siteDir, where] of [
      [sites.root, root],
      [sites.blog, blog],
    ] as const) {
      const html = contentOf(siteDir, '行内与显示公式');
      const $ = cheerio.load(html, null, false);
      const hrefs = $('a')
        .map((_, a) => $(a).attr('href'))
        .get();
      const page = `${where.site}${where.base}posts/math-post/`;
      expect(hrefs).toEqual([
        `${where.site}${where.base}posts/mdx-math/`,
        `${page}#%E6%98%BE%E7%A4%BA%E5%85%AC%E5%BC%8F`,
        'https://example.com/%E8%B7%AF%E5%BE%84?q=%E5%80%BC',
      ]);
      expect($('figure img').attr('src')).toMatch(
        new RegExp(`^${where.site}${where.base}_astro/figure\\.[\\w-]+\\.svg$`),
      );
      for (const url of contentUrls(html)) expect(url).toMatch(ASCII_URL);
    }
  });
});

describe('feeds under a base path', () => {
  it('put the channel, self link and every item under https://example.org/blog/', () => {
    for (const file of ['rss.xml', 'rss-full.xml']) {
      const channel = readFeed(sites.blog, file);
      expect(channel.link).toBe('https://example.org/blog/');
      expect(channel['atom:link']['@_href']).toBe(`https://example.org/blog/${file}`);
      expect((channel.item ?? []).map((item) => item.link)).toEqual([
        'https://example.org/blog/posts/%E5%8D%B1%E9%99%A9-%E5%AD%97%E7%AC%A6/',
        'https://example.org/blog/posts/math-post/',
        'https://example.org/blog/posts/mdx-math/',
      ]);
      for (const url of feedUrls(sites.blog, file)) expect(url.startsWith('https://example.org/blog/'), url).toBe(true);
    }
  });
});

describe('robots.txt', () => {
  it('allows everything and names the sitemap index by its absolute URL', () => {
    for (const [siteDir, where] of [
      [sites.root, root],
      [sites.blog, blog],
    ] as const) {
      const robots = readText(siteDir, 'robots.txt');
      expect(robots).toMatch(/^User-agent: \*$/m);
      expect(robots).not.toMatch(/^Disallow: *\/\s*$/m);
      const sitemap = /^Sitemap: (\S+)$/m.exec(robots)?.[1];
      expect(sitemap).toBe(`${where.site}${where.base}sitemap-index.xml`);
      expect(listFiles(siteDir)).toContain('sitemap-index.xml');
    }
  });
});
