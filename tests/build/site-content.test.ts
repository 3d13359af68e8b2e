/**
 * The site's own twelve posts, as built by global setup: order, completeness,
 * math, code and figures.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { readingStats } from '../../src/lib/reading-stats.ts';
import { cardTitles, loadPage } from '../helpers/site.ts';
import { codeFences, readPostSources } from '../helpers/post-sources.ts';

const site = inject('siteDir');
const posts = readPostSources();

/** The feed order the seed page shows, newest first. */
const FEED_ORDER = [
  'pca',
  'gbdt-to-xgboost',
  'pytorch-ddp-quickstart',
  'kd-tree',
  'tf-export',
  'mle-vs-bayesian-estimation',
  'ensemble-learning',
  'pytorch-autograd',
  'nn-module-vs-functional',
  'lightweight-cnn-inception-pointwise',
  'thundernet',
  'pytorch-expand-clone-error',
];
const WITH_MATH = [
  'pca',
  'gbdt-to-xgboost',
  'kd-tree',
  'mle-vs-bayesian-estimation',
  'ensemble-learning',
  'lightweight-cnn-inception-pointwise',
];
const WITH_CODE = [
  'pca',
  'pytorch-ddp-quickstart',
  'kd-tree',
  'tf-export',
  'pytorch-autograd',
  'nn-module-vs-functional',
  'pytorch-expand-clone-error',
];
const WITH_FIGURES = ['pca', 'kd-tree', 'lightweight-cnn-inception-pointwise', 'pytorch-ddp-quickstart'];
const titleOf = (slug: string) => String(posts.find((post) => post.slug === slug)?.data['title']);

describe('the twelve posts', () => {
  it('are all published, in the seed order: ten on page 1, two on page 2', () => {
    expect(posts.map((post) => post.slug).sort()).toEqual([...FEED_ORDER].sort());
    expect(cardTitles(site, '/')).toEqual(FEED_ORDER.slice(0, 10).map(titleOf));
    expect(cardTitles(site, '/page/2/')).toEqual(FEED_ORDER.slice(10).map(titleOf));
  });

  it('have a card description of about 100-150 characters', () => {
    for (const post of posts) {
      const length = [...String(post.data['description'] ?? '')].length;
      expect(length, post.slug).toBeGreaterThanOrEqual(90);
      expect(length, post.slug).toBeLessThanOrEqual(150);
    }
  });

  it('have at least 1,500 Han characters of prose (the short error post excepted) and headings', () => {
    for (const post of posts) {
      const { hanCharacters } = readingStats(post.body, post.format);
      if (post.slug !== 'pytorch-expand-clone-error') expect(hanCharacters, post.slug).toBeGreaterThanOrEqual(1500);
      expect((post.body.match(/^## /gm) ?? []).length, post.slug).toBeGreaterThanOrEqual(3);
    }
  });

  it('render math without KaTeX errors where the topic has math', () => {
    for (const slug of FEED_ORDER) {
      const $ = loadPage(site, `/posts/${slug}/`);
      expect($('.katex-error').length, slug).toBe(0);
      if (WITH_MATH.includes(slug)) {
        expect($('.prose .katex-display').length, slug).toBeGreaterThan(0);
        expect($('.prose .katex').length - $('.prose .katex-display').length, slug).toBeGreaterThan(3);
      }
    }
  });

  it('have code with a language on every fence where the topic has code', () => {
    for (const post of posts) {
      const fences = codeFences(post.body);
      for (const fence of fences) expect(fence.lang, `${post.file}:${fence.line}`).not.toBe('');
      if (WITH_CODE.includes(post.slug)) expect(fences.length, post.slug).toBeGreaterThan(0);
    }
  });

  it('have Python blocks that parse', () => {
    const blocks = posts.flatMap((post) =>
      codeFences(post.body)
        .filter((fence) => fence.lang === 'python' || fence.lang === 'py')
        .map((fence) => ({ where: `${post.file}:${fence.line}`, code: fence.code })),
    );
    expect(blocks.length).toBeGreaterThan(20);
    const script = [
      'import ast, json, sys',
      'failures = []',
      'for block in json.load(sys.stdin):',
      '    try: ast.parse(block["code"])',
      '    except SyntaxError as e: failures.append(f"{block[\'where\']}: {e}")',
      'print(json.dumps(failures))',
    ].join('\n');
    const result = spawnSync('python3', ['-c', script], { input: JSON.stringify(blocks), encoding: 'utf8' });
    expect(result.status, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual([]);
  });

  it('have figures with alt text and a caption, and every image loads', () => {
    for (const slug of FEED_ORDER) {
      const $ = loadPage(site, `/posts/${slug}/`);
      $('.prose img').each((_, img) => {
        expect($(img).attr('alt')?.trim(), `${slug} alt`).toBeTruthy();
        const src = $(img).attr('src')!;
        expect(existsSync(join(site, src)), `${slug} ${src}`).toBe(true);
      });
      if (WITH_FIGURES.includes(slug)) {
        expect($('.prose figure img').length, slug).toBeGreaterThan(0);
        expect($('.prose figure figcaption').first().text(), slug).toMatch(/^图 1：.+/);
      }
    }
  });
});
