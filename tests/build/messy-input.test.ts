/**
 * Messy input through the real build:
 * - tests/fixtures/messy/bom-crlf.md is clean.md saved with a UTF-8 BOM and
 *   CRLF line endings (and another title): the two build to the same article;
 * - control characters in every text field of the front matter
 *   (control-chars.md) never reach an HTML, XML or JSON file or the search index;
 * - a 2 MB post, written at test time (tests/fixtures/big-post/generate.ts),
 *   builds, and a browser search finds the word that only its last paragraph holds;
 *   it is built with render workers capped at a 64 MB heap, which it outgrows, so
 *   it also proves that such a post is rendered again without the cap.
 */
import { readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XMLParser } from 'fast-xml-parser';
import type { Browser } from 'playwright-core';
import { launchChromium, serveSite, type StaticSite } from '../helpers/browser.ts';
import { buildCorpus, buildCorpusOrThrow, outputRoot, projectRoot, type BuildResult } from '../helpers/build.ts';
import { listFiles, loadPage, searchRecords } from '../helpers/site.ts';
import { displayText } from '../../src/client/search-query.ts';
import { cacheDirFor } from '../../src/content/cache-dir.ts';
import { BIG_POST_SLUG, BIG_POST_TITLE, LAST_PARAGRAPH_WORD, writeBigPost } from '../fixtures/big-post/generate.ts';

const MESSY = join(projectRoot, 'tests', 'fixtures', 'messy');
/** Control characters other than tab, LF and CR (C0, DEL, C1). */
const CONTROL = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F]/;

let messy = '';
let bigSource = '';
let big: BuildResult;
beforeAll(() => {
  messy = buildCorpusOrThrow('messy', 'tests/fixtures/messy');
  bigSource = writeBigPost(join(outputRoot, 'big-post-source'));
  // The post must be rendered (not taken from an earlier run's cache) for the heap cap to be outgrown.
  rmSync(cacheDirFor(projectRoot, join(outputRoot, 'big-post-source'))!, { recursive: true, force: true });
  big = buildCorpus('big-post', join(outputRoot, 'big-post-source'), { BLOG_WORKER_HEAP_MB: '64' });
});

describe('a post saved with a BOM and CRLF line endings', () => {
  it('really is saved that way (guards against Git normalising the fixture)', () => {
    const bytes = readFileSync(join(MESSY, 'bom-crlf.md'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text.match(/\r\n/g)?.length).toBe(text.match(/\n/g)?.length);
    const clean = readFileSync(join(MESSY, 'clean.md'), 'utf8');
    expect(clean).not.toMatch(/^\uFEFF|\r/);
    // The twins differ in nothing but the encoding details and the title.
    expect(text.slice(1).replace(/\r\n/g, '\n').replace('带 BOM 与 CRLF 的文章', '干净的文章')).toBe(clean);
  });

  it('renders exactly the same article as its clean twin', () => {
    const clean = loadPage(messy, '/posts/clean/');
    const twin = loadPage(messy, '/posts/bom-crlf/');
    expect(twin('h1').text()).toBe('带 BOM 与 CRLF 的文章');
    const prose = clean('.prose').html()!;
    expect(prose).toContain('class="katex"');
    expect(prose).toContain('class="astro-code');
    expect(prose).toContain('<figcaption>');
    expect(prose).not.toMatch(/\r|\uFEFF/);
    expect(twin('.prose').html()).toBe(prose);
    // Derived from the body alike: excerpt (meta description), reading time, table of contents.
    expect(twin('meta[name="description"]').attr('content')).toBe(clean('meta[name="description"]').attr('content'));
    expect(twin('.post-header__meta').text()).toBe(clean('.post-header__meta').text());
    expect(twin('#toc').html()).toBe(clean('#toc').html());
  });

  it('is the same in the full-content feed and the search index', () => {
    const parser = new XMLParser({ ignoreAttributes: false, parseTagValue: false, isArray: (name) => name === 'item' });
    const feed = parser.parse(readFileSync(join(messy, 'rss-full.xml'), 'utf8')) as {
      rss: { channel: { item: { title: string; description: string; 'content:encoded': string }[] } };
    };
    const item = (title: string) => feed.rss.channel.item.find((entry) => entry.title === title)!;
    // Links within the post are absolute in a feed, so they name each post's own address.
    const twinContent = item('带 BOM 与 CRLF 的文章')['content:encoded'];
    expect(twinContent).toContain('/posts/bom-crlf/#eq-normal');
    expect(twinContent.replaceAll('/posts/bom-crlf/', '/posts/clean/')).toBe(item('干净的文章')['content:encoded']);
    expect(item('带 BOM 与 CRLF 的文章').description).toBe(item('干净的文章').description);
    const record = (url: string) => searchRecords(messy).find((entry) => entry.url === url)!;
    // The content starts with the title, which differs; the search index ends it with "。".
    const body = (url: string) => record(url).content.replace(/^[^.。]*[.。]/, '');
    expect(body('/posts/bom-crlf/')).toBe(body('/posts/clean/'));
  });
});

describe('control characters in front matter', () => {
  it('are removed from the title, description, tags and series', () => {
    const $ = loadPage(messy, '/posts/control-chars/');
    expect($('h1').text()).toBe('控制字符的标题');
    expect($('title').text()).toBe('控制字符的标题 | 机器学习札记');
    expect($('meta[name="description"]').attr('content')).toBe('描述里的控制字符与删除符...');
    expect(
      $('.post-header__tags a')
        .map((_, a) => $(a).text())
        .get(),
    ).toEqual(['#铃声', '#退格', '#单元']);
    expect($('main').text()).toContain('系列');
  });

  it('never reach an HTML, XML or JSON file, nor the search index', () => {
    const files = listFiles(messy).filter((file) => /\.(html|xml|json)$/.test(file));
    expect(files).toEqual(
      expect.arrayContaining(['posts/control-chars/index.html', 'rss.xml', 'rss-full.xml', 'sitemap-0.xml']),
    );
    for (const file of files) expect(CONTROL.exec(readFileSync(join(messy, file), 'utf8')), file).toBeNull();
    for (const record of searchRecords(messy)) expect(CONTROL.exec(JSON.stringify(record)), record.url).toBeNull();
  });
});

describe('a 2 MB post', () => {
  let site: StaticSite | undefined;
  let browser: Browser | undefined;
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it('builds', () => {
    expect(statSync(bigSource).size).toBeGreaterThanOrEqual(2 * 1024 * 1024);
    expect(big.status, big.output).toBe(0);
    expect(big.output).toMatch(
      /big-post\.md: too large for a render worker's 64 MB heap; rendered again without the limit/,
    );
    const $ = loadPage(big.outDir, `/posts/${BIG_POST_SLUG}/`);
    expect($('h1').text()).toBe(BIG_POST_TITLE);
    expect($('.prose > p').last().text()).toContain(LAST_PARAGRAPH_WORD);
    expect($('.prose .katex').length).toBeGreaterThan(3000);
    expect($('.prose pre.astro-code').length).toBeGreaterThan(10);
  });

  it('is indexed by Pagefind to its last paragraph', () => {
    const record = searchRecords(big.outDir).find((entry) => entry.url === `/posts/${BIG_POST_SLUG}/`);
    // The index holds the text cut into words; displayText is how results show it.
    expect(displayText(record?.content ?? '')).toMatch(
      new RegExp(`${LAST_PARAGRAPH_WORD} 这个词，搜索它能找到这篇文章，说明索引覆盖到了全文的结尾。$`),
    );
  });

  it('is found by a browser search for the word of its last paragraph', async () => {
    expect(big.status).toBe(0);
    site = await serveSite(big.outDir);
    browser = await launchChromium();
    const page = await browser.newPage();
    await page.goto(site.url);
    await page.locator('[data-search-trigger]').click();
    await page.locator('#search-dialog-input').fill(LAST_PARAGRAPH_WORD);
    const first = page.locator('#search-dialog [data-search-results] a').first();
    await first.waitFor({ timeout: 60_000 });
    expect(await first.locator('.search-result__title').textContent()).toBe(BIG_POST_TITLE);
    expect((await first.locator('mark').first().textContent())?.trim()).toBe(LAST_PARAGRAPH_WORD);
    await first.click();
    await page.waitForURL(new RegExp(`/posts/${BIG_POST_SLUG}/`));
    expect(await page.locator('h1').textContent()).toBe(BIG_POST_TITLE);
  });
});
