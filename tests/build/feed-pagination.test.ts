/**
 * The feed at its edges: 0, 1, 10 and 11 posts, built from fixture corpora
 * through the real build script.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCorpusOrThrow } from '../helpers/build.ts';
import { cardTitles, hasPage, loadPage } from '../helpers/site.ts';

const corpora = {
  empty: 'tests/fixtures/empty',
  single: 'tests/fixtures/single',
  ten: 'tests/fixtures/feed-10',
  eleven: 'tests/fixtures/feed-11',
};
const sites: Record<keyof typeof corpora, string> = { empty: '', single: '', ten: '', eleven: '' };

beforeAll(() => {
  for (const [name, dir] of Object.entries(corpora) as [keyof typeof corpora, string][]) {
    sites[name] = buildCorpusOrThrow(`feed-${name}`, dir);
  }
});

const pagerNumbers = (site: string, path: string) => {
  const $ = loadPage(site, path);
  return $('.pagination__pages a')
    .map((_, a) => $(a).text().trim())
    .get();
};

describe('feed', () => {
  it('builds an empty site with a feed page that says so', () => {
    expect(hasPage(sites.empty, '/')).toBe(true);
    expect(cardTitles(sites.empty, '/')).toEqual([]);
    expect(loadPage(sites.empty, '/')('main').text()).toContain('还没有文章');
    expect(hasPage(sites.empty, '/page/2/')).toBe(false);
  });

  it('shows a single post without a pager', () => {
    expect(cardTitles(sites.single, '/')).toEqual(['唯一的一篇']);
    expect(loadPage(sites.single, '/')('nav.pagination')).toHaveLength(0);
  });

  it('fits ten posts on one page and makes no page 2', () => {
    expect(cardTitles(sites.ten, '/')).toHaveLength(10);
    expect(hasPage(sites.ten, '/page/2/')).toBe(false);
    expect(hasPage(sites.ten, '/2/')).toBe(false);
    expect(loadPage(sites.ten, '/')('nav.pagination')).toHaveLength(0);
  });

  it('puts exactly the oldest of eleven posts on page 2', () => {
    const first = cardTitles(sites.eleven, '/');
    expect(first).toHaveLength(10);
    expect(first[0]).toBe('第 1 篇：感知机');
    expect(first[9]).toBe('第 10 篇：循环网络');
    expect(cardTitles(sites.eleven, '/page/2/')).toEqual(['第 11 篇：注意力机制']);
    expect(hasPage(sites.eleven, '/page/3/')).toBe(false);
    expect(hasPage(sites.eleven, '/page/1/')).toBe(false);
  });

  it('links pages with numbers, marks the current one, and has no dead prev/next', () => {
    const $1 = loadPage(sites.eleven, '/');
    expect(pagerNumbers(sites.eleven, '/')).toEqual(['1', '2']);
    expect($1('.pagination a[aria-current="page"]').text()).toBe('1');
    expect($1('.pagination a[rel="prev"]')).toHaveLength(0);
    expect($1('.pagination a[rel="next"]').attr('href')).toBe('/page/2/');
    const $2 = loadPage(sites.eleven, '/page/2/');
    expect($2('.pagination a[aria-current="page"]').text()).toBe('2');
    expect($2('.pagination a[rel="prev"]').attr('href')).toBe('/');
    expect($2('.pagination a[rel="next"]')).toHaveLength(0);
  });

  it('shows title link, excerpt, category and date on each card', () => {
    const $ = loadPage(sites.eleven, '/');
    const card = $('.post-card').first();
    expect(card.find('h2 a').attr('href')).toBe('/posts/post-01/');
    expect(card.find('.post-card__excerpt').text()).toMatch(/^这是用于分页测试的第 1 篇文章.*\.\.\.$/);
    expect(card.find('.post-card__category').text()).toBe('机器学习');
    expect(card.find('time').text()).toBe('2025-05-27');
    expect(card.find('time').attr('datetime')).toBe('2025-05-27');
  });

  it('carries the look of the original page', () => {
    const $ = loadPage(sites.eleven, '/');
    expect($('html').attr('lang')).toBe('zh-CN');
    expect($('.feed-heading').text()).toContain('INCOMING TRANSMISSION');
    expect($('.feed-heading h1').text()).toContain('LATEST UPDATES');
  });
});
