/**
 * The fast MDX renderer (src/content/renderers/fast-mdx.ts) must print what Astro's MDX
 * compiler prints. The same MDX posts — exports, expressions in text, headings,
 * props and table cells, the writing components, HTML elements, fragments,
 * math, code, footnotes, cross-references — are built with it and without it
 * (BLOG_FAST_MDX=0), and every post page must come out as the same DOM.
 * A post that needs Astro's module system (an imported image, JSX inside an
 * expression) must still be left to Astro.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCorpus, type BuildResult } from '../helpers/build.ts';
import { comparableHtml } from '../helpers/comparable-html.ts';
import { loadPage } from '../helpers/site.ts';

const corpus = 'tests/fixtures/fast-mdx';
const slugs = ['components', 'exports-and-expressions', 'falls-back'];
let fast: BuildResult;
let astro: BuildResult;

beforeAll(() => {
  fast = buildCorpus('fast-mdx-on', corpus);
  astro = buildCorpus('fast-mdx-off', corpus, { BLOG_FAST_MDX: '0' });
});

const page = (build: BuildResult, slug: string) =>
  readFileSync(join(build.outDir, 'posts', slug, 'index.html'), 'utf8');

describe('fast MDX renderer', () => {
  it('takes the posts it can and leaves the rest to Astro’s MDX compiler', () => {
    expect(fast.status, fast.output).toBe(0);
    expect(astro.status, astro.output).toBe(0);
    expect(fast.output).toContain('3 posts loaded');
    expect(fast.output).toContain("1 .mdx left to Astro's MDX compiler");
    expect(astro.output).toContain("3 .mdx left to Astro's MDX compiler");
    // The bundler's per-module warning about Astro's own directive is silenced (astro.config.mjs).
    expect(astro.output).not.toContain('MODULE_LEVEL_DIRECTIVE');
    expect(astro.output).not.toContain('astro:head-inject');
  });

  it('gives every post page the same DOM as Astro’s MDX compiler', () => {
    for (const slug of slugs) {
      expect(comparableHtml(page(fast, slug), 'main'), slug).toBe(comparableHtml(page(astro, slug), 'main'));
      expect(comparableHtml(page(fast, slug), 'head'), slug).toBe(comparableHtml(page(astro, slug), 'head'));
    }
  });

  it('evaluates exports and expressions as MDX does', () => {
    const $ = loadPage(fast.outDir, '/posts/exports-and-expressions/');
    const prose = $('.prose').text();
    expect(prose).toContain('第 3 章，42 是答案；列表 卷积池化全连接，长度 3。');
    expect(prose).toContain('零 0、空 、假 、空串 、NaN  都按');
    expect(prose).not.toContain('注释');
    expect($('.prose h2').first().text()).toContain('第 3 章：公式');
    expect($('.prose td').first().text()).toBe('卷积');
    expect($('.prose .katex-display').length).toBe(1);
    expect($('.prose .code-block pre.astro-code').length).toBe(1);
  });

  it('renders the writing components and HTML elements', () => {
    const $ = loadPage(fast.outDir, '/posts/components/');
    expect($('.callout').length).toBe(4);
    expect($('.callout--tip .callout__title').text()).toBe('一个小技巧');
    expect($('.callout--tip .code-block .code-block__lang').text()).toBe('Bash');
    expect($('details.derivation').length).toBe(2);
    expect($('details.derivation summary').last().text()).toBe('展开推导');
    expect($('.paper-card__venue').first().text()).toBe('CVPR 2016');
    expect($('.paper-card').length).toBe(2);
    expect($('details[open] summary').text()).toBe('可展开的内容');
    expect($('span.hint[data-note="x"]').length).toBe(1);
    expect($('.box').text()).toContain('片段里的文字');
  });
});
