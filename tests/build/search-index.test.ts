/**
 * What the search index holds for the twelve posts: their prose, headings, formulas
 * (as plain text) and code, cut into words; none of the page's furniture; metadata
 * for display (the title as written) and for ranking (title words, tags, description).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { searchRecords } from '../helpers/site.ts';
import { displayText } from '../../src/client/search-query.ts';

const siteDir = inject('siteDir');
const records = searchRecords(siteDir);
const record = (slug: string) => records.find((entry) => entry.url === `/posts/${slug}/`)!;

describe('the search index', () => {
  it('holds every post, in the language Pagefind leaves unsegmented', () => {
    expect(records).toHaveLength(12);
    const entry = JSON.parse(readFileSync(join(siteDir, 'pagefind', 'pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, unknown>;
    };
    expect(Object.keys(entry.languages)).toEqual(['und']);
  });

  it('holds Chinese cut into words, technical words whole', () => {
    const words = new Set(record('pytorch-ddp-quickstart').content.split(' '));
    for (const word of ['分布式', '训练', '全规约', 'all-reduce']) expect(words.has(word), word).toBe(true);
    expect(new Set(record('pca').content.split(' ')).has('特征值')).toBe(true);
  });

  it('leaves out code-block chrome, the series box, the contents and breadcrumbs', () => {
    for (const { url, content } of records) {
      expect(content, url).not.toMatch(/(Python|Bash|Text|文本|C\+\+)\s*复制/);
      expect(content, url).not.toMatch(/第 \d+ 篇 \/ 共 \d+ 篇/);
      expect(content, url).not.toMatch(/^首页/);
    }
    // The series box of the autograd post lists the other three posts of the series.
    expect(record('pytorch-autograd').content).not.toContain('written-to tensor');
  });

  it('joins blocks without a stray ". " after Chinese, and keeps formulas as readable text', () => {
    for (const { url, content } of records) expect(displayText(content), url).not.toMatch(/\p{Script=Han}\. /u);
    const mle = displayText(record('mle-vs-bayesian-estimation').content);
    expect(mle).toContain('x_i ∼ N(μ, σ^2)');
    // The paragraph goes on in its display formula, without a hole or a stop between them.
    expect(mle).toMatch(/对数似然为 ℓ\(μ, σ\^2\) = /);
  });

  it('keeps the title as written for display, and title words, tags and description for ranking', () => {
    const { meta } = record('pytorch-ddp-quickstart');
    expect(meta['title']).toBe('一个最简单的 PyTorch DDP 例子');
    expect(meta['title_words']).toBe('一个 最 简单 的 PyTorch DDP 例子');
    expect(meta['tags']).toContain('分布式 训练');
    expect(meta['description']).toContain('torchrun');
    expect(meta['category']).toBe('深度学习');
  });
});
