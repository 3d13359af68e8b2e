import { describe, expect, it } from 'vitest';
import { excerptFromMarkdown, excerptFromText, truncateSegments } from '../../src/lib/excerpt.ts';
import { markdownToSegments } from '../../src/lib/markdown-text.ts';
import { texToPlain } from '../../src/lib/tex-to-plain.ts';

const han = (n: number) => '数'.repeat(n);

describe('excerptFromMarkdown', () => {
  it('strips markup, code, display math and HTML', () => {
    const source = [
      '## 标题',
      '',
      '一段**加粗**的文字，带有[链接](https://example.org)和 `inline()` 代码。',
      '',
      '```python',
      'print("不应出现")',
      '```',
      '',
      '$$',
      'x^2 + y^2',
      '$$',
      '',
      '<div class="note">原始 HTML 不应出现</div>',
      '',
      '![图片说明不应出现](./a.png)',
      '',
      '结尾。',
    ].join('\n');
    const excerpt = excerptFromMarkdown(source, 150);
    expect(excerpt).toBe('标题 一段加粗的文字，带有链接和 inline() 代码。 结尾...');
  });

  it('cuts long text to the limit and ends with "..."', () => {
    const excerpt = excerptFromMarkdown(han(400), 150);
    expect(excerpt).toBe(`${han(150)}...`);
  });

  it('never cuts inside an inline formula', () => {
    const source = `${han(145)}$\\lambda \\|w\\|^2 + \\gamma T$之后`;
    const excerpt = excerptFromMarkdown(source, 150);
    expect(excerpt).toBe(`${han(145)}...`);
    const fits = excerptFromMarkdown(`${han(10)}$\\lambda$之后`, 150);
    expect(fits).toBe(`${han(10)}λ之后...`);
  });

  it('counts an emoji ZWJ sequence as one character and never splits it', () => {
    const family = '👨‍👩‍👧';
    const excerpt = excerptFromMarkdown(`${han(149)}${family}${han(10)}`, 150);
    expect(excerpt).toBe(`${han(149)}${family}...`);
  });

  it('joins Chinese lines without spaces and Latin lines with one', () => {
    expect(excerptFromMarkdown('第一行\n第二行\nword\nnext', 150)).toBe('第一行第二行 word next...');
  });

  it('drops MDX imports, exports and expressions but keeps component text', () => {
    const source =
      "import Note from '../Note.astro';\n\nexport const n = 1;\n\n<Note>组件里的文字</Note>\n\n值为 {n}。";
    expect(excerptFromMarkdown(source, 150, 'mdx')).toBe('组件里的文字 值为...');
  });

  it('returns nothing for an empty body', () => {
    expect(excerptFromMarkdown('', 150)).toBe('');
  });
});

describe('excerptFromText', () => {
  it('keeps a short description whole, dropping its final full stop before "..."', () => {
    expect(excerptFromText('介绍 PCA 的两种推导。', 150)).toBe('介绍 PCA 的两种推导...');
  });
});

describe('truncateSegments', () => {
  it('drops an atomic segment that does not fit, keeps text up to the limit', () => {
    expect(
      truncateSegments(
        [
          { text: 'abc', atomic: false },
          { text: 'xyz', atomic: true },
        ],
        4,
      ),
    ).toBe('abc');
    expect(truncateSegments([{ text: 'abcdef', atomic: false }], 4)).toBe('abcd');
  });
});

describe('markdownToSegments', () => {
  it('marks inline math as atomic', () => {
    expect(markdownToSegments('设 $u_1$ 为方向')).toEqual([
      { text: '设 ', atomic: false },
      { text: 'u_1', atomic: true },
      { text: ' 为方向', atomic: false },
    ]);
  });
});

describe('texToPlain', () => {
  it('turns common TeX into readable text', () => {
    expect(texToPlain('\\Omega(f) = \\gamma T + \\frac{1}{2}\\lambda \\|w\\|^2')).toBe('Ω(f) = γ T + (1)/(2)λ ‖w‖^2');
    expect(texToPlain('\\mathbf{w}^\\top \\Sigma \\mathbf{w}')).toBe('w^ᵀ Σ w');
  });
});
