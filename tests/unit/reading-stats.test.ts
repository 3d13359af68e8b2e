import { describe, expect, it } from 'vitest';
import { countProse, readingStats } from '../../src/lib/reading-stats.ts';

describe('countProse', () => {
  it('counts Han characters and Latin words separately', () => {
    expect(countProse('用 PyTorch 2.1 训练 ResNet-50 模型')).toEqual({ hanCharacters: 5, latinWords: 3 });
  });
});

describe('readingStats', () => {
  it('leaves code, math and HTML out', () => {
    const source = [
      '正文四字',
      '',
      '```python',
      'print("代码里的中文不算")',
      '```',
      '',
      '$$',
      'x + y',
      '$$',
      '',
      '行内 $\\alpha$ 公式',
      '',
      '<b>标签</b>',
    ].join('\n');
    expect(readingStats(source)).toMatchObject({ hanCharacters: 8 + 2, latinWords: 0 });
  });

  it('reads 350 Han characters or 200 words a minute', () => {
    expect(readingStats('字'.repeat(700)).minutes).toBe(2);
    expect(readingStats(Array.from({ length: 600 }, () => 'word').join(' ')).minutes).toBe(3);
    expect(readingStats('短').minutes).toBe(1);
    expect(readingStats('').minutes).toBe(0);
  });
});
