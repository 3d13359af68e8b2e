/**
 * A corpus with math, code, an MDX post and a draft: what the post pages hold,
 * and that the draft appears nowhere in a production build.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCorpusOrThrow } from '../helpers/build.ts';
import { allText, cardTitles, hasPage, listFiles, loadPage, searchRecords } from '../helpers/site.ts';

let site = '';
beforeAll(() => {
  // A machine in another time zone must print the same dates.
  site = buildCorpusOrThrow('rich', 'tests/fixtures/rich', { TZ: 'America/Los_Angeles' });
});

describe('post pages', () => {
  it('render inline and display math with KaTeX, leaving no TeX delimiters or errors', () => {
    for (const path of ['/posts/math-and-code/', '/posts/mdx-post/']) {
      const $ = loadPage(site, path);
      expect($('.prose .katex').length, path).toBeGreaterThanOrEqual(2);
      expect($('.prose .katex-display').length, path).toBe(1);
      expect($('.prose .katex-mathml math').length, path).toBeGreaterThanOrEqual(2);
      expect($('.katex-error').length, path).toBe(0);
      expect($('.prose').text(), path).not.toContain('$$');
    }
  });

  it('load no JavaScript for math and self-host KaTeX fonts as woff2 only', () => {
    const $ = loadPage(site, '/posts/math-and-code/');
    expect($('script[src*="katex" i]')).toHaveLength(0);
    const fonts = listFiles(site).filter((file) => /KaTeX_/.test(file));
    expect(fonts.length).toBeGreaterThan(10);
    expect(fonts.every((file) => file.endsWith('.woff2'))).toBe(true);
    expect(allText(site)).not.toMatch(/fonts\.googleapis|cdn\.jsdelivr|unpkg\.com/);
    // KaTeX's stylesheet is inlined in the page, its fonts are files of the site.
    expect($('style').text()).toMatch(
      /@font-face\{[^}]*font-family:KaTeX_Main[^}]*url\(\/_astro\/KaTeX_Main-Regular\.[\w-]+\.woff2\)/,
    );
  });

  it('highlight code with Shiki in a light and a dark theme', () => {
    const $ = loadPage(site, '/posts/math-and-code/');
    const blocks = $('pre.astro-code');
    expect(blocks).toHaveLength(2);
    expect(blocks.first().attr('data-language')).toBe('python');
    const style = blocks.first().find('span[style]').first().attr('style') ?? '';
    expect(style).toMatch(/--shiki-light:/);
    expect(style).toMatch(/--shiki-dark:/);
  });

  it('renders MDX posts through the same pipeline', () => {
    const $ = loadPage(site, '/posts/mdx-post/');
    expect($('.prose').text()).toContain('42');
    expect($('pre.astro-code')).toHaveLength(1);
  });

  it('shows title, date in the site time zone, category and tags', () => {
    const $ = loadPage(site, '/posts/math-and-code/');
    expect($('html').attr('lang')).toBe('zh-CN');
    expect($('h1').text()).toBe('公式与代码的渲染');
    expect($('.post-header time').first().text()).toBe('2025-03-02');
    expect($('.post-header__category').text()).toBe('机器学习');
    expect(
      $('.post-header__tags li')
        .map((_, li) => $(li).text())
        .get(),
    ).toEqual(['#KaTeX', '#Shiki']);
  });
});

describe('drafts', () => {
  it('appear nowhere: no page, no card, no search record, no text in any file', () => {
    expect(hasPage(site, '/posts/unfinished-draft/')).toBe(false);
    expect(cardTitles(site, '/')).toEqual(['公式与代码的渲染', 'MDX 文章同样经过 KaTeX']);
    expect(
      searchRecords(site)
        .map((record) => record.url)
        .sort(),
    ).toEqual(['/posts/math-and-code/', '/posts/mdx-post/']);
    expect(allText(site)).not.toContain('草稿专属词汇');
    expect(allText(site)).not.toContain('尚未完成的草稿');
  });
});

describe('search index', () => {
  it('indexes post bodies only, with title, category and date as metadata', () => {
    const records = searchRecords(site);
    expect(records).toHaveLength(2);
    const record = records.find((r) => r.url === '/posts/math-and-code/')!;
    expect(record.meta).toMatchObject({ title: '公式与代码的渲染', category: '机器学习', date: '2025-03-02' });
    expect(record.content).toContain('蝴蝶');
    expect(listFiles(site)).toContain('pagefind/pagefind.js');
  });
});
