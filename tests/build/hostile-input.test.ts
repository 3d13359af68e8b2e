/**
 * Hostile input through the real build (tests/fixtures/hostile):
 * - a post whose title, description and tags hold markup, "]]>", entities,
 *   emoji, a ZWJ family, Arabic and Hebrew, U+202E and a control character: it
 *   reads literally (escaped, never parsed) in <title>, <h1>, meta and Open
 *   Graph/Twitter tags, JSON-LD, the feeds and tag pages; control characters
 *   and bidi overrides are gone everywhere;
 * - raw HTML in a .md body: hostile HTML removed, harmless HTML kept, the
 *   markup the pipeline generates intact (\href in a formula fails the build:
 *   tests/build/content-errors.test.ts);
 * - MDX that reaches for the build's environment, Node or scripts
 *   (tests/fixtures/hostile-mdx): the build fails naming each post and line,
 *   and the secret in the environment appears nowhere.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CheerioAPI } from 'cheerio';
import * as cheerio from 'cheerio';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { normalizeSlug } from '../../src/lib/slug.ts';
import { cacheDirFor } from '../../src/content/cache-dir.ts';
import { buildCorpus, buildCorpusOrThrow, projectRoot, type BuildResult } from '../helpers/build.ts';
import { cardTitles, listFiles, loadPage, searchRecords } from '../helpers/site.ts';

/** tests/fixtures/hostile/metadata.md as readers must see it: "\a", U+202E and U+202C removed. */
const HOSTILE_TITLE =
  '</title><script>alert(1)</script> "><svg onload=alert(1)> ]]> & &amp; 😀 👨‍👩‍👧‍👦 مرحبا שלום exe.txt 铃声';
const HOSTILE_DESCRIPTION = `描述 </title><script>alert(1)</script> "><svg onload=alert(1)> ]]> & &amp; 😀 👨‍👩‍👧‍👦 مرحبا שלום exe.txt 铃声`;
const HOSTILE_TAGS = [
  '</title><script>alert(1)</script>',
  '"><svg onload=alert(1)>',
  ']]>',
  'R&D',
  '&amp;',
  '👨‍👩‍👧‍👦',
  'العربية',
  'עברית',
  'abc',
  '铃声',
];
const SITE_TITLE = '机器学习札记';
const SECRET = 'hostile-secret-value-8d3f1c0b';

/** Control characters (other than tab/LF/CR) and the bidi embedding/override controls. */
const FORBIDDEN_CHARACTERS = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F\u202A-\u202E]/;

let site = '';
let refused: BuildResult;
beforeAll(() => {
  site = buildCorpusOrThrow('hostile', 'tests/fixtures/hostile');
  refused = buildCorpus('hostile-mdx', 'tests/fixtures/hostile-mdx', { SOME_SECRET: SECRET });
});

const post = () => loadPage(site, '/posts/hostile-metadata/');
const meta = ($: CheerioAPI, selector: string) => $(`head meta[${selector}]`).attr('content');

describe('hostile metadata', () => {
  it('reads literally in <title> and <h1>, and in the post card', () => {
    const $ = post();
    expect($('title').text()).toBe(`${HOSTILE_TITLE} | ${SITE_TITLE}`);
    expect($('title')).toHaveLength(1);
    expect($('h1').text()).toBe(HOSTILE_TITLE);
    expect(cardTitles(site, '/')).toContain(HOSTILE_TITLE);
    // Nothing the title holds became an element.
    expect($('svg[onload], [onload], [onerror]')).toHaveLength(0);
    const scripts = $('script:not([type="application/ld+json"])').toArray();
    expect(scripts.filter((script) => $(script).text().includes('alert('))).toEqual([]);
  });

  it('reads literally in the meta description, Open Graph and Twitter tags', () => {
    const $ = post();
    expect(meta($, 'name="description"')).toBe(`${HOSTILE_DESCRIPTION}...`);
    expect(meta($, 'property="og:title"')).toBe(HOSTILE_TITLE);
    expect(meta($, 'property="og:description"')).toBe(`${HOSTILE_DESCRIPTION}...`);
    expect(meta($, 'name="twitter:title"')).toBe(HOSTILE_TITLE);
    expect(meta($, 'name="twitter:description"')).toBe(`${HOSTILE_DESCRIPTION}...`);
    expect(
      $('head meta[property="article:tag"]')
        .map((_, el) => $(el).attr('content'))
        .get(),
    ).toEqual(HOSTILE_TAGS);
  });

  it('is JSON in the JSON-LD block, with no raw "<" that could end it', () => {
    const $ = post();
    const blocks = $('script[type="application/ld+json"]');
    expect(blocks).toHaveLength(1);
    const raw = blocks.text();
    expect(raw).not.toContain('<');
    const data = JSON.parse(raw) as { headline: string; description: string; keywords: string };
    expect(data.headline).toBe(HOSTILE_TITLE);
    expect(data.description).toBe(`${HOSTILE_DESCRIPTION}...`);
    expect(data.keywords).toBe(HOSTILE_TAGS.join(', '));
  });

  it('reads literally in both feeds, after strict XML parsing', () => {
    const parser = new XMLParser({
      ignoreAttributes: false,
      parseTagValue: false,
      isArray: (name) => ['item', 'category'].includes(name),
    });
    for (const file of ['rss.xml', 'rss-full.xml']) {
      const xml = readFileSync(join(site, file), 'utf8');
      expect(XMLValidator.validate(xml), file).toBe(true);
      expect(xml.replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '')).not.toContain(']]>');
      const items = (
        parser.parse(xml) as {
          rss: { channel: { item: { title: string; description: string; category: string[] }[] } };
        }
      ).rss.channel.item;
      const item = items.find((entry) => entry.title === HOSTILE_TITLE);
      expect(item, file).toBeDefined();
      expect(item!.description).toBe(`${HOSTILE_DESCRIPTION}...`);
      expect(item!.category).toEqual(['自然语言处理', ...HOSTILE_TAGS]);
    }
  });

  it('reads literally on the pages of its tags', () => {
    for (const tag of [
      '</title><script>alert(1)</script>',
      '"><svg onload=alert(1)>',
      'R&D',
      '&amp;',
      'العربية',
      'עברית',
    ]) {
      const $ = loadPage(site, `/tags/${normalizeSlug(tag)}/`);
      expect($('main h1').text()).toBe(`#${tag}`);
      expect($('title').text()).toBe(`标签：${tag} | ${SITE_TITLE}`);
      expect($('.post-card__title a').text()).toBe(HOSTILE_TITLE);
      expect($('svg[onload], [onload]')).toHaveLength(0);
    }
  });

  it('is the search result title as written', () => {
    const record = searchRecords(site).find((entry) => entry.url === '/posts/hostile-metadata/');
    expect(record?.meta['title']).toBe(HOSTILE_TITLE);
  });

  it('leaves no control character and no bidi override in any HTML, XML or JSON file, nor in the search index', () => {
    const files = listFiles(site).filter((file) => /\.(html|xml|json)$/.test(file));
    expect(files.length).toBeGreaterThan(10);
    for (const file of files)
      expect(FORBIDDEN_CHARACTERS.exec(readFileSync(join(site, file), 'utf8')), file).toBeNull();
    for (const record of searchRecords(site))
      expect(FORBIDDEN_CHARACTERS.exec(JSON.stringify(record)), record.url).toBeNull();
  });
});

describe('raw HTML in a .md post', () => {
  const prose = () => {
    const $ = loadPage(site, '/posts/raw-html/');
    return { $, prose: $('.prose') };
  };

  it('loses scripts, handlers, javascript: and data: URLs, frames, plug-ins, styles, forms and foreign markup', () => {
    const { $, prose: body } = prose();
    expect(
      body.find(
        'script, iframe, frame, object, embed, style, form, input, button:not(.code-block__copy), svg, meta, base, link',
      ),
    ).toHaveLength(0);
    // The only <math> is KaTeX's MathML.
    expect(
      body
        .find('math')
        .toArray()
        .every((math) => $(math).parents('.katex-mathml').length === 1),
    ).toBe(true);
    const attributes = body
      .find('*')
      .toArray()
      .flatMap((el) => Object.keys((el as unknown as { attribs: Record<string, string> }).attribs));
    expect(attributes.filter((name) => /^on/i.test(name))).toEqual([]);
    const urls = body
      .find('[href], [src]')
      .map((_, el) => $(el).attr('href') ?? $(el).attr('src'))
      .get();
    expect(urls.filter((url) => /^\s*(javascript|data|vbscript):/i.test(url))).toEqual([]);
    // style attributes only where the pipeline put them: KaTeX and Shiki.
    const styled = body
      .find('[style]')
      .toArray()
      .filter((el) => $(el).closest('.katex, pre.astro-code').length === 0);
    expect(styled).toHaveLength(0);
    // The author's id="search-dialog" cannot shadow the page's own search dialog.
    expect($('[id="search-dialog"]')).toHaveLength(1);
    expect(body.find('#user-content-search-dialog').text()).toBe('覆盖层');
    expect($.html()).not.toMatch(
      /alert\('(block-script|inline-script|onerror|js-link|onclick|div|svg|mathml|data|footnote)/,
    );
    expect($.html()).not.toContain('evil.example');
  });

  it('keeps details/summary, kbd, sub/sup, abbr, mark, br, tables and images with alt', () => {
    const { $, prose: body } = prose();
    expect(body.find('details:not(.derivation) > summary').first().text()).toBe('点击展开 Ctrl');
    expect(body.find('details:not(.derivation) strong').text()).toBe('Markdown');
    expect(body.find('details:not(.derivation) .katex')).toHaveLength(1);
    expect(body.find('details:not(.derivation) pre.astro-code[style]')).toHaveLength(1);
    expect(
      body
        .find('kbd')
        .map((_, el) => $(el).text())
        .get(),
    ).toEqual(['Ctrl', 'Ctrl', 'C', 'Esc']);
    expect(body.find('sub').text()).toBe('2');
    expect(body.find('abbr[title="主成分分析"]').text()).toBe('PCA');
    expect(body.find('mark').text()).toBe('重点');
    expect(body.find('p:contains("第一行") br')).toHaveLength(1);
    expect(
      body
        .find('table th')
        .map((_, el) => $(el).text())
        .get(),
    ).toEqual(['方法', '复杂度']);
    expect(body.find('img[alt="站点图标"]').attr('src')).toBe('/favicon.svg');
    expect(body.find('img[alt="带事件的图"]')).toHaveLength(1);
  });

  it('keeps the markup the pipeline generates', () => {
    const { $, prose: body } = prose();
    expect(body.find('.katex .katex-mathml math').length).toBeGreaterThanOrEqual(4);
    expect(body.find('pre.astro-code[style] span[style]').length).toBeGreaterThan(3);
    expect(body.find('.code-block__bar button.code-block__copy[hidden]')).toHaveLength(2);
    expect(body.find('figure#fig-fig-demo figcaption').text()).toBe('图 1：一张示意图');
    expect(body.find('aside.callout.callout--note kbd').text()).toBe('Esc');
    expect(body.find('details.derivation > summary').text()).toBe('推导');
    expect(body.find('aside.paper-card cite').text()).toBe('Attention Is All You Need');
    expect(body.find('h2[id] > a.heading-anchor')).toHaveLength(3);
    expect(
      body
        .find('a.cross-ref')
        .map((_, a) => $(a).attr('href'))
        .get(),
    ).toEqual(['#fig-fig-demo', '#eq-pyth']);
    expect(body.find('sup > a[data-footnote-ref][aria-describedby="footnote-label"]').attr('href')).toBe(
      '#user-content-fn-note',
    );
    const footnote = body.find('section[data-footnotes] li#user-content-fn-note');
    expect(footnote.find('sup').text()).toBe('上标');
    expect(footnote.find('a[data-footnote-backref]').attr('href')).toBe('#user-content-fnref-note');
  });

  it('reaches the full-content feed sanitized too', () => {
    const xml = readFileSync(join(site, 'rss-full.xml'), 'utf8');
    const parser = new XMLParser({ ignoreAttributes: false, parseTagValue: false, isArray: (name) => name === 'item' });
    const items = (parser.parse(xml) as { rss: { channel: { item: { title: string; 'content:encoded': string }[] } } })
      .rss.channel.item;
    const content = items.find((item) => item.title === '正文里的原始 HTML')!['content:encoded'];
    const $ = cheerio.load(content, null, false);
    expect($('script, iframe, object, embed, style, form, svg')).toHaveLength(0);
    const attributes = $('*')
      .toArray()
      .flatMap((el) => Object.entries((el as unknown as { attribs: Record<string, string> }).attribs));
    expect(
      attributes.filter(([name, value]) => /^on/i.test(name) || /^\s*(javascript|data|vbscript):/i.test(value)),
    ).toEqual([]);
    expect(content).not.toContain('evil.example');
    expect($('kbd')).toHaveLength(4);
  });
});

describe('MDX', () => {
  it('builds harmless JSX, expressions and imports', () => {
    const $ = loadPage(site, '/posts/mdx-allowed/');
    expect($('.prose details > summary').text()).toBe('训练循环的三步');
    expect(
      $('.prose details kbd')
        .map((_, el) => $(el).text())
        .get(),
    ).toEqual(['前向', '反向', '更新']);
    expect($('.prose').text()).toContain('一共 3 步，第一步是 前向，最后一步是 更新。');
    expect($('.prose figure figcaption').text()).toBe('图 1：MDX 里的图');
    expect($('.prose a[href="https://pytorch.org/"]').text()).toBe('PyTorch');
  });

  it('that reaches the environment, Node, other files or scripts fails the build, naming the post and the line', () => {
    expect(refused.status, refused.output).not.toBe(0);
    const expected: [string, number, string][] = [
      ['secret.mdx', 7, 'MDX code may not use `process`'],
      ['code.mdx', 7, 'MDX posts may not import the Node built-in module "node:fs"'],
      ['code.mdx', 8, 'MDX posts may not import the Node built-in module "child_process"'],
      ['code.mdx', 9, 'MDX posts may not import the Node built-in module "fs"'],
      ['code.mdx', 10, 'MDX posts may not import "../../../../../../../../etc/passwd": it is outside the project'],
      ['code.mdx', 11, 'MDX posts may not import the hidden file "../../../.env"'],
      ['code.mdx', 12, 'MDX posts may not import "./secret.mdx?raw"'],
      ['code.mdx', 13, 'MDX posts may not import the Node built-in module "node:os"'],
      ['code.mdx', 14, 'MDX code may not use `process`'],
      ['code.mdx', 16, 'MDX code may not use `import.meta`'],
      ['code.mdx', 18, 'MDX code may not use `require`'],
      ['code.mdx', 20, 'MDX code may not use `globalThis`'],
      ['code.mdx', 22, 'MDX code may not use `eval`'],
      ['code.mdx', 24, 'MDX code may not use `Function`'],
      ['code.mdx', 26, 'MDX code may not use dynamic `import()`'],
      ['code.mdx', 28, 'MDX code may not use `.constructor`'],
      ['code.mdx', 30, 'MDX code may not use `.getPrototypeOf`'],
      ['code.mdx', 32, 'MDX code may not access a property with a computed key'],
      ['code.mdx', 34, 'MDX code may not use `process` (in <process.env.SOME_SECRET>)'],
      ['html.mdx', 7, 'MDX posts may not contain <script>'],
      ['html.mdx', 9, 'MDX posts may not contain <iframe>'],
      ['html.mdx', 11, 'MDX posts may not use event handlers (onClick on <div>)'],
      ['html.mdx', 13, 'MDX posts may not use event handlers (onerror on <img>)'],
      ['html.mdx', 15, 'MDX posts may not link to script URLs (href="javascript:alert(1)" on <a>)'],
      ['html.mdx', 17, 'MDX posts may not link to script URLs (href=" javascript:alert(1)" on <a>)'],
      ['html.mdx', 19, 'MDX posts may not insert raw HTML (set:html on <div>)'],
      ['html.mdx', 21, 'MDX posts may not spread props onto <div>'],
      ['html.mdx', 23, 'MDX posts may not contain <style>'],
      ['html.mdx', 25, 'MDX posts may not contain <form>'],
      ['html.mdx', 27, 'MDX posts may not contain <object>'],
      ['html.mdx', 29, 'MDX posts may not use event handlers (onClick on <Callout>)'],
    ];
    for (const [name, line, message] of expected)
      expect(refused.output).toContain(`tests/fixtures/hostile-mdx/${name}:${line}: ${message}`);
    expect(refused.output).toMatch(/Build failed; .* was left as it was\./);
  });

  it('never evaluates the code: the secret in the environment appears nowhere', () => {
    expect(refused.output).not.toContain(SECRET);
    const searched = [refused.outDir, cacheDirFor(projectRoot, 'tests/fixtures/hostile-mdx')!].filter((dir) =>
      existsSync(dir),
    );
    for (const dir of searched) {
      for (const file of listFiles(dir))
        expect(readFileSync(join(dir, file)).includes(SECRET), `${dir}/${file}`).toBe(false);
    }
  });
});
