import { describe, expect, it } from 'vitest';
import { slugFromTitle } from '../../src/lib/title-slug.ts';

describe('slugFromTitle', () => {
  it('turns Chinese into toneless pinyin and keeps Latin words', () => {
    expect(slugFromTitle('PCA 原理总结')).toBe('pca-yuan-li-zong-jie');
    expect(slugFromTitle('从 GBDT 到 XGBoost')).toBe('cong-gbdt-dao-xgboost');
    expect(slugFromTitle('一个最简单的 PyTorch DDP 例子')).toBe('yi-ge-zui-jian-dan-de-pytorch-ddp-li-zi');
  });

  it('drops punctuation and symbols and keeps only a-z, 0-9 and "-"', () => {
    expect(slugFromTitle('@tf_export 为函数取了个名字！')).toBe('tf-export-wei-han-shu-qu-le-ge-ming-zi');
    expect(slugFromTitle('女生 lü')).toMatch(/^[a-z0-9-]+$/);
  });

  it('gives an empty slug for titles without letters or digits', () => {
    expect(slugFromTitle('🔥🚀')).toBe('');
  });

  it('cuts long titles at a dash, at most 60 characters', () => {
    const slug = slugFromTitle('这是一个非常非常长的标题用来检验截断规则是否在连字符处截断而不是在音节中间截断');
    expect(slug.length).toBeLessThanOrEqual(60);
    expect(slug.endsWith('-')).toBe(false);
    expect(
      slugFromTitle('这是一个非常非常长的标题用来检验截断规则是否在连字符处截断而不是在音节中间截断')
        .split('-')
        .every((part) => part.length > 0),
    ).toBe(true);
  });
});
