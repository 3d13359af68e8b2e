/**
 * The reader's pages in the built output: indexes, category/tag/series/archive
 * pages, post navigation, heading ids, footnotes, code blocks, 404 and head
 * metadata. Uses the reader fixture plus the eleven-post feed fixture for
 * pagination of a category.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCorpusOrThrow } from '../helpers/build.ts';
import { cardTitles, hasPage, loadPage } from '../helpers/site.ts';

let site = '';
let eleven = '';
beforeAll(() => {
  site = buildCorpusOrThrow('reader', 'tests/fixtures/reader');
  eleven = buildCorpusOrThrow('reader-eleven', 'tests/fixtures/feed-11');
});

const enc = encodeURIComponent;

describe('feed', () => {
  it('keeps a pinned post at the top of page 1 although it is the oldest', () => {
    expect(cardTitles(site, '/')).toEqual(['置顶的说明', '系列的第一篇', '普通的一篇', '宽公式、宽表格与脚注']);
  });
});

describe('categories and tags', () => {
  it('index categories with counts, in the site order, linking to readable URLs', () => {
    const $ = loadPage(site, '/categories/');
    const rows = $('.term-index a')
      .map(
        (_, a) =>
          `${$(a).attr('href')} ${$(a).find('.term-index__name').text()} ${$(a).find('.term-index__count').text()}`,
      )
      .get();
    expect(rows).toEqual([
      `/categories/${enc('机器学习')}/ 机器学习 2 篇`,
      `/categories/${enc('深度学习')}/ 深度学习 1 篇`,
      '/categories/python/ Python 1 篇',
    ]);
    expect(cardTitles(site, '/categories/机器学习/')).toEqual(['系列的第一篇', '宽公式、宽表格与脚注']);
  });

  it('paginate a category like the feed', () => {
    expect(cardTitles(eleven, '/categories/机器学习/')).toHaveLength(10);
    expect(cardTitles(eleven, '/categories/机器学习/page/2/')).toEqual(['第 11 篇：注意力机制']);
    const $ = loadPage(eleven, '/categories/机器学习/page/2/');
    expect($('.pagination a[rel="prev"]').attr('href')).toBe(`/categories/${enc('机器学习')}/`);
  });

  it('index tags with counts and give each tag a page', () => {
    const $ = loadPage(site, '/tags/');
    const rows = $('.term-index a')
      .map((_, a) => `${$(a).find('.term-index__name').text()} ${$(a).find('.term-index__count').text()}`)
      .get();
    expect(rows).toEqual(['#测试 3 篇', '#排版 2 篇', '#公式 1 篇', '#说明 1 篇']);
    expect(cardTitles(site, '/tags/测试/')).toEqual(['系列的第一篇', '普通的一篇', '宽公式、宽表格与脚注']);
  });
});

describe('archive and series', () => {
  it('group posts by year and month, newest first', () => {
    const $ = loadPage(site, '/archive/');
    expect(
      $('h2')
        .map((_, h) => $(h).text().replace(/\s+/g, ' ').trim())
        .get(),
    ).toEqual(['2025 年 3 篇', '2024 年 1 篇']);
    expect(
      $('h3')
        .map((_, h) => $(h).text())
        .get(),
    ).toEqual(['6 月', '1 月']);
  });

  it('index the series with counts, linking to each series page', () => {
    const $ = loadPage(site, '/series/');
    const rows = $('.term-index a')
      .map(
        (_, a) =>
          `${$(a).attr('href')} ${$(a).find('.term-index__name').text()} ${$(a).find('.term-index__count').text()}`,
      )
      .get();
    expect(rows).toEqual([`/series/${enc('排版测试')}/ 排版测试 2 篇`]);
    // A site without series still has the page, saying so.
    expect(loadPage(eleven, '/series/')('main p').text()).toBe('还没有成系列的文章。');
  });

  it('list a series in its order and show the position on each post', () => {
    const $ = loadPage(site, `/series/${enc('排版测试')}/`);
    expect(
      $('.series-list h2')
        .map((_, h) => $(h).text())
        .get(),
    ).toEqual(['系列的第一篇', '宽公式、宽表格与脚注']);
    const $post = loadPage(site, '/posts/wide-and-notes/');
    expect($post('.series-box__title').text().replace(/\s+/g, ' ')).toContain('第 2 篇 / 共 2 篇');
    expect($post('.series-box [aria-current="page"]').text()).toBe('宽公式、宽表格与脚注');
  });
});

describe('a post', () => {
  const $ = () => loadPage(site, '/posts/wide-and-notes/');

  it('has breadcrumbs back to its category', () => {
    const crumbs = $()('.breadcrumbs li');
    expect(crumbs.map((_, li) => $()(li).text().trim()).get()).toEqual(['首页', '机器学习', '宽公式、宽表格与脚注']);
    expect($()('.breadcrumbs a').eq(1).attr('href')).toBe(`/categories/${enc('机器学习')}/`);
  });

  it('links to the older and newer post and to related posts', () => {
    const page = $();
    expect(page('.post-neighbors a[rel="prev"]').attr('href')).toBe('/posts/pinned-notice/');
    expect(page('.post-neighbors a[rel="next"]').attr('href')).toBe('/posts/plain-neighbor/');
    const related = page('.related a')
      .map((_, a) => page(a).attr('href'))
      .get();
    expect(related[0]).toBe('/posts/series-intro/');
    expect(related.length).toBeLessThanOrEqual(3);
    expect(related).not.toContain('/posts/wide-and-notes/');
  });

  it('gives every heading a unique, non-empty id with an anchor, and lists h2-h3 in the TOC', () => {
    const page = $();
    const ids = page('.prose :is(h2,h3,h4)')
      .map((_, h) => page(h).attr('id') ?? '')
      .get();
    expect(ids.every((id) => id !== '')).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.slice(0, 4)).toEqual(['section-1', 'section-2', '重复的标题', '重复的标题-2']);
    for (const id of ids.filter((id) => id !== 'footnote-label')) {
      expect(page(`.prose [id="${id}"] a.heading-anchor`).attr('href')).toBe(`#${enc(id)}`);
    }
    const tocTargets = page('.toc a')
      .map((_, a) => decodeURIComponent(page(a).attr('href')!.slice(1)))
      .get();
    expect(tocTargets).toEqual(ids.filter((id) => id !== 'footnote-label'));
  });

  it('labels footnotes in Chinese with working back-links', () => {
    const page = $();
    expect(page('.footnotes-label').text()).toBe('脚注');
    const refs = page('[data-footnote-ref]');
    expect(refs).toHaveLength(2);
    refs.each((_, ref) => {
      const target = page(ref).attr('href')!.slice(1);
      expect(page(`[id="${target}"]`)).toHaveLength(1);
    });
    page('[data-footnote-backref]').each((_, back) => {
      expect(page(back).attr('aria-label')).toMatch(/^返回正文第 \d 处引用/);
      expect(page(`[id="${page(back).attr('href')!.slice(1)}"]`)).toHaveLength(1);
    });
  });

  it('frames code blocks with the language and a copy button revealed by script', () => {
    const page = $();
    expect(page('.code-block__lang').first().text()).toBe('Python');
    expect(page('.code-block__copy').first().attr('hidden')).toBeDefined();
    expect(page('.code-block pre').attr('tabindex')).toBe('0');
  });

  it('shows the character count and reading time', () => {
    expect($()('.post-header__meta').text()).toMatch(/\d+ 字 · 约 \d+ 分钟/);
  });

  it('describes itself to link previews and search engines', () => {
    const page = $();
    expect(page('link[rel="canonical"]').attr('href')).toBe('https://ml-notes.github.io/posts/wide-and-notes/');
    expect(page('meta[property="og:type"]').attr('content')).toBe('article');
    expect(page('meta[property="og:image"]').attr('content')).toBe('https://ml-notes.github.io/og/wide-and-notes.png');
    expect(page('meta[name="twitter:card"]').attr('content')).toBe('summary_large_image');
    const raw = page('script[type="application/ld+json"]').html()!;
    expect(raw).not.toContain('<');
    expect(JSON.parse(raw)).toMatchObject({
      '@type': 'BlogPosting',
      headline: '宽公式、宽表格与脚注',
      articleSection: '机器学习',
    });
  });
});

describe('404', () => {
  it('offers a search box and the latest posts', () => {
    expect(hasPage(site, '/404.html')).toBe(true);
    const $ = loadPage(site, '/404.html');
    expect($('main form.search-form[role="search"] input[name="q"]')).toHaveLength(1);
    expect($('#latest-heading + ul a').first().text()).toBe('系列的第一篇');
  });
});
