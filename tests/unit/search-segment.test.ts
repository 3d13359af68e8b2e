/** The search segmenter and the query rules shared by the index and the search UI. */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { segmentText, segmentTexts, segmentWords, unsegment } from '../../src/lib/search-segment.ts';
import {
  coversQuery,
  displayText,
  prepareQuery,
  queryTerms,
  type PagefindResultData,
} from '../../src/client/search-query.ts';

describe('segmentText', () => {
  it('keeps technical words whole that ICU alone cuts apart', () => {
    expect(segmentWords('分布式训练')).toEqual(['分布式', '训练']);
    expect(segmentWords('特征值分解')).toEqual(['特征值', '分解']);
    expect(segmentWords('卷积核与最近邻')).toEqual(['卷积核', '与', '最近邻']);
    expect(segmentWords('反向传播')).toEqual(['反向传播']);
  });

  it('cuts a query as it cuts the same words in a sentence', () => {
    const sentence = segmentText('多卡训练时用分布式训练，梯度经环形全规约平均。').split(' ');
    for (const query of ['分布式训练', '环形全规约', '多卡训练']) {
      const words = segmentText(query).split(' ');
      const at = sentence.indexOf(words[0]!);
      expect(sentence.slice(at, at + words.length), query).toEqual(words);
    }
  });

  it('leaves Latin text, code and whitespace as written', () => {
    expect(segmentText('x.expand_as(y) and torch.no_grad()')).toBe('x.expand_as(y) and torch.no_grad()');
    expect(segmentText('用 torch.no_grad() 关闭')).toBe('用 torch.no_grad() 关闭');
    expect(segmentText('kd树')).toBe('kd 树');
  });

  it('cuts many texts at once as it cuts each alone', () => {
    // segmentTexts asks ICU for many stretches per call, joined by newlines; the posts'
    // paragraphs (thousands of stretches, over many batches) must come out as one at a time.
    const texts = readdirSync('content/posts', { recursive: true, encoding: 'utf8' })
      .filter((file) => /\.mdx?$/.test(file))
      .sort()
      .flatMap((file) => readFileSync(`content/posts/${file}`, 'utf8').split(/\n\s*\n/));
    expect(texts.length).toBeGreaterThan(200);
    expect(segmentTexts(texts)).toEqual(texts.map((text) => segmentText(text)));

    // What the batches rest on: ICU breaks at a newline and cuts each side as it would alone.
    const icu = new Intl.Segmenter('zh', { granularity: 'word' });
    const cut = (text: string) => Array.from(icu.segment(text), (s) => s.segment);
    const runs = texts.flatMap((text) => text.match(/\p{Script=Han}+/gu) ?? []).slice(0, 2000);
    expect(cut(runs.join('\n'))).toEqual(runs.flatMap((run, i) => (i === 0 ? cut(run) : ['\n', ...cut(run)])));
  });

  it('is undone for display, highlights included', () => {
    for (const text of [
      '分布式训练是 PyTorch 的强项，特征值分解（EVD）与“奇异值分解”。',
      '最大后验估计；量子计算机',
      '1×1 卷积',
    ]) {
      expect(unsegment(segmentText(text))).toBe(text);
    }
    expect(unsegment('的 <mark>分布式</mark> <mark>训练</mark> ， 而')).toBe(
      '的<mark>分布式</mark><mark>训练</mark>，而',
    );
  });
});

describe('queries', () => {
  it('map TeX commands to the letters formulas are indexed as', () => {
    expect(prepareQuery('\\sigma')).toBe('σ');
    expect(prepareQuery('  PyTorch 分布式 ')).toBe('PyTorch 分布式');
    expect(queryTerms(prepareQuery('nn.functional'))).toEqual(['nnfunctional']);
  });

  const hit = (content: string, locations: number[], title = ''): PagefindResultData => ({
    url: '/posts/x/',
    content,
    excerpt: '',
    locations,
    meta: { title },
    sub_results: [],
  });

  it('drop a hit that only matched a shorter word than the query', () => {
    // Pagefind answers "zzzzqqq" with pages holding the variable z.
    expect(coversQuery(['zzzzqqq'], hit('设 z 为 隐 变量', [1]))).toBe(false);
    expect(coversQuery(['量子', '计算', '机'], hit('量 与 计算 和 机器', [0, 2, 4]))).toBe(false);
    expect(coversQuery(['分布'], hit('分布式 训练', [0]))).toBe(true);
    expect(coversQuery(['ddp'], hit('例子', [], '一个最简单的 PyTorch DDP 例子'))).toBe(true);
  });

  it('display index text without the marks that end a block', () => {
    expect(displayText('PCA 原理 总结\u200B 。 主成分 分析')).toBe('PCA 原理总结。主成分分析');
    expect(displayText('降维 到底 想要 什么\u200B')).toBe('降维到底想要什么');
    expect(displayText('结尾 。')).toBe('结尾。');
    expect(displayText('小结 。 。 下 一节')).toBe('小结。下一节');
  });
});
