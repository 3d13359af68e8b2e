/**
 * What authors write, as readers get it: the example MDX post that uses every
 * component, the same blocks as Markdown directives, the rule for which files
 * are posts, and future-dated posts against the build clock.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCorpusOrThrow } from '../helpers/build.ts';
import { cardTitles, hasPage, loadPage } from '../helpers/site.ts';

let site = '';
let later = '';
beforeAll(() => {
  // 2026-01-01: the post dated 2030 is not due yet.
  site = buildCorpusOrThrow('authoring', 'tests/fixtures/authoring', { SOURCE_DATE_EPOCH: '1767225600' });
  // 2030-06-01: now it is.
  later = buildCorpusOrThrow('authoring-2030', 'tests/fixtures/authoring', { SOURCE_DATE_EPOCH: '1906502400' });
});

describe('the example MDX post', () => {
  const page = () => loadPage(site, '/posts/every-component/');

  it('renders callouts with Chinese default titles or the given one', () => {
    const $ = page();
    expect(
      $('.prose .callout')
        .map((_, el) => $(el).attr('class'))
        .get(),
    ).toEqual(['callout callout--note', 'callout callout--tip', 'callout callout--warning']);
    expect(
      $('.prose .callout__title')
        .map((_, el) => $(el).text())
        .get(),
    ).toEqual(['说明', '小技巧', '注意']);
  });

  it('numbers MDX and Markdown figures together and resolves references to them', () => {
    const $ = page();
    expect(
      $('.prose figure')
        .map((_, el) => $(el).attr('id'))
        .get(),
    ).toEqual(['fig-fig-projection', 'fig-fig-again']);
    expect(
      $('.prose figcaption')
        .map((_, el) => $(el).text())
        .get(),
    ).toEqual(['图 1：二维数据投影到一维', '图 2：第二张图']);
    expect($('.prose figure img').first().attr('width')).toBeTruthy();
    const refs = $('.prose a.cross-ref')
      .map((_, a) => `${$(a).text()}→${$(a).attr('href')}`)
      .get();
    expect(refs).toEqual(['图 1→#fig-fig-projection', '图 2→#fig-fig-again', '式 (2)→#eq-map', '式 (1)→#eq-mle']);
  });

  it('numbers labelled equations with KaTeX tags and anchors', () => {
    const $ = page();
    expect(
      $('.prose .equation')
        .map((_, el) => $(el).attr('id'))
        .get(),
    ).toEqual(['eq-mle', 'eq-map']);
    expect($('#eq-mle .katex-display .tag').text()).toBe('(1)');
    expect($('#eq-map .katex-display .tag').text()).toBe('(2)');
  });

  it('has a derivation that is readable without JavaScript and a paper card', () => {
    const $ = page();
    expect($('.prose details.derivation > summary').text()).toBe('展开推导');
    expect($('.prose details.derivation .katex').length).toBeGreaterThan(0);
    expect($('.prose .paper-card cite').text()).toBe('Attention Is All You Need');
    expect($('.prose .paper-card__venue').text()).toBe('NeurIPS 2017');
    expect($('.prose .paper-card a').attr('href')).toBe('https://arxiv.org/abs/1706.03762');
  });
});

describe('Markdown directives', () => {
  it('give the same blocks in .md', () => {
    const $ = loadPage(site, '/posts/directives/');
    expect(
      $('.prose .callout__title')
        .map((_, el) => $(el).text())
        .get(),
    ).toEqual(['说明', '自定义标题', '注意']);
    expect($('.prose details.derivation > summary').text()).toBe('对 w 求导');
    expect($('.prose .paper-card a').attr('href')).toBe('https://doi.org/10.1109/CVPR.2016.90');
    expect(
      $('.prose a.cross-ref')
        .map((_, a) => $(a).text())
        .get(),
    ).toEqual(['式 (1)', '式 (1)']);
    expect($('.prose').text()).toContain('比例写作 3:2 或 Note:x 不会被当成指令');
  });
});

describe('which files are posts', () => {
  it('ignores README.md, files under "_" folders and editor backups', () => {
    expect(cardTitles(later, '/')).toEqual([
      '来自未来的文章',
      '示例：用到全部写作组件的 MDX 文章',
      '示例：Markdown 中的写作块',
    ]);
    expect(hasPage(later, '/posts/notes/')).toBe(false);
    expect(hasPage(later, '/posts/readme/')).toBe(false);
  });
});

describe('future-dated posts', () => {
  it('wait for the build clock (SOURCE_DATE_EPOCH) to reach their date', () => {
    expect(hasPage(site, '/posts/from-the-future/')).toBe(false);
    expect(cardTitles(site, '/')).not.toContain('来自未来的文章');
    expect(hasPage(later, '/posts/from-the-future/')).toBe(true);
  });
});
