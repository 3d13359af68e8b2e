/**
 * Display and inline math in the forms other tools accept, through the site's
 * Markdown pipeline (remark-math + remarkMathDialects + rehype-katex).
 */
import type { MarkdownRenderer } from '@astrojs/markdown-remark';
import { beforeAll, describe, expect, it } from 'vitest';
import { findKatexErrors, lineOf } from '../../src/lib/katex-errors.ts';
import { shapeMathSource } from '../../src/lib/math-source.ts';
import { createSiteProcessor } from '../helpers/markdown.ts';

let processor: MarkdownRenderer;
beforeAll(async () => {
  processor = await createSiteProcessor();
});
const render = async (markdown: string) => (await processor.render(markdown)).code;
const displays = (html: string) => html.match(/class="katex-display"/g)?.length ?? 0;
const inlines = (html: string) => (html.match(/class="katex"/g)?.length ?? 0) - displays(html);
/** The TeX annotations KaTeX writes into its MathML: what each formula was made from. */
const annotations = (html: string) =>
  Array.from(html.matchAll(/<annotation encoding="application\/x-tex">([\s\S]*?)<\/annotation>/g), (m) =>
    m[1]!.replace(/&amp;|&#x26;/g, '&'),
  );

describe('shapeMathSource', () => {
  it('keeps the number of lines', () => {
    const source = [
      '$$\\begin{aligned}',
      'a &= b \\\\',
      '\\end{aligned}$$',
      '',
      '\\begin{equation}',
      'x',
      '\\end{equation}',
      '\\[',
      'y',
      '\\]',
    ].join('\n');
    const shaped = shapeMathSource(source);
    expect(shaped.text.split('\n')).toHaveLength(source.split('\n').length);
    expect(shaped.closings).toEqual(
      new Map([
        [3, '\\end{aligned}'],
        [7, '\\end{equation}'],
      ]),
    );
  });

  it('leaves code blocks and code spans alone', () => {
    const source = ['```tex', '\\begin{equation}', '\\end{aligned}$$', '```', '', '`\\(x^2\\)` and \\(y^2\\)'].join(
      '\n',
    );
    expect(shapeMathSource(source).text).toBe(
      ['```tex', '\\begin{equation}', '\\end{aligned}$$', '```', '', '`\\(x^2\\)` and $y^2$'].join('\n'),
    );
  });

  it('reads a leading "-" inside a formula as TeX, not a list marker', () => {
    expect(shapeMathSource(['$$', '- \\log p $$'].join('\n')).text).toBe(['$$', '$$'].join('\n'));
  });
});

describe('display math that shares a line with its $$', () => {
  it('keeps the TeX after an opening $$ and closes at a $$ that ends a line', async () => {
    const html = await render(
      ['$$\\begin{aligned}', 'a &= b + c \\\\', '  &= d', '\\end{aligned}$$', '', '后面的段落不被吞掉。'].join('\n'),
    );
    expect(displays(html)).toBe(1);
    expect(annotations(html)[0]).toBe('\\begin{aligned}\na &= b + c \\\\\n  &= d\n\\end{aligned}');
    expect(html).toContain('<p>后面的段落不被吞掉。</p>');
  });

  it('makes a one-line $$…$$ display math, alone in its paragraph or under a line of text', async () => {
    expect(displays(await render('$$ E=mc^2 $$'))).toBe(1);
    const html = await render(['其中', '$$E=mc^2$$', '是质能方程。'].join('\n'));
    expect(displays(html)).toBe(1);
    expect(html).toMatch(/^<p>其中<\/p>\s*<span class="katex-display"[^>]*>[\s\S]*<\/span>\s*<p>是质能方程。<\/p>$/);
  });

  it('works inside list items and block quotes', async () => {
    const html = await render(
      [
        '- 第一项',
        '  $$x^2$$',
        '- $$',
        '  y',
        '  $$',
        '',
        '> 引文',
        '> $$z$$',
        '>',
        '> $$\\begin{aligned}',
        '> a&=1',
        '> \\end{aligned}$$',
      ].join('\n'),
    );
    expect(displays(html)).toBe(4);
    expect(html).toMatch(/<blockquote>[\s\S]*katex-display[\s\S]*katex-display[\s\S]*<\/blockquote>/);
  });

  it('keeps $$ inline where a block cannot stand: headings and table cells', async () => {
    const html = await render(['## 公式 $$x$$', '', '| a |', '| - |', '| $$y$$ |'].join('\n'));
    expect(displays(html)).toBe(0);
    expect(inlines(html)).toBe(2);
  });
});

describe('LaTeX without dollars, as MathJax shows it', () => {
  it('renders environments that stand alone as display math', async () => {
    const html = await render(
      [
        '正文。',
        '',
        '\\begin{equation}',
        'f(x) = x^2',
        '\\end{equation}',
        '',
        '\\begin{align*}',
        'a &= 1 \\\\',
        'b &= 2',
        '\\end{align*}',
        '',
        '\\begin{gather}x\\end{gather}',
      ].join('\n'),
    );
    expect(displays(html)).toBe(3);
    expect(annotations(html)[0]).toBe('\\begin{equation}\nf(x) = x^2\n\\end{equation}');
  });

  it('reads \\[…\\] on lines of their own as display math and TeX in \\(…\\) as inline math', async () => {
    const html = await render(['设 \\(x^2>0\\)，则', '\\[', 'x^2 > 0', '\\]', '', '\\[ y = 1 \\]'].join('\n'));
    expect(displays(html)).toBe(2);
    expect(inlines(html)).toBe(1);
  });

  it('always reads the doubled forms that Markdown for MathJax sites uses', async () => {
    const html = await render(['设 \\\\(x\\\\) 为实数', '', '\\\\[', 'y', '\\\\]'].join('\n'));
    expect(displays(html)).toBe(1);
    expect(inlines(html)).toBe(1);
  });

  it('leaves escaped brackets and parentheses that are not TeX as Markdown reads them', async () => {
    expect(await render('见文献 \\[1\\] 与 \\[2\\]。')).toContain('<p>见文献 [1] 与 [2]。</p>');
    expect(await render('\\(II\\) 第二种情形')).toContain('<p>(II) 第二种情形</p>');
    expect(await render('\\[解析\\]：由式(13.19)')).toContain('<p>[解析]：由式(13.19)</p>');
    expect(await render('\\[1\\]')).toContain('<p>[1]</p>');
  });

  it('gives up an environment or \\[ block that meets a blank line, leaving the text as written', async () => {
    const html = await render(['\\begin{equation} 不是公式', '', '后文 $x$。'].join('\n'));
    expect(displays(html)).toBe(0);
    expect(html).toContain('后文');
    expect(inlines(html)).toBe(1);
  });
});

describe('what is not math stays text', () => {
  it('keeps prices, shell variables, escaped dollars and code as written', async () => {
    expect(await render('租用 GPU 是 $2 每小时，或 $30 每月。')).toContain(
      '<p>租用 GPU 是 $2 每小时，或 $30 每月。</p>',
    );
    expect(await render('变量 $HOME 与 $PATH 都是路径。')).toContain('<p>变量 $HOME 与 $PATH 都是路径。</p>');
    expect(await render('价格 \\$5 与 \\$6。')).toContain('<p>价格 $5 与 $6。</p>');
    const code = await render(['`echo $HOME$`', '', '```bash', 'echo "$$"', '```'].join('\n'));
    expect(code).not.toContain('katex');
  });

  it('still reads ordinary inline math, with or without inner spaces', async () => {
    const html = await render('若 $x$ 与 $ \\theta $ 满足 $2x = y$。');
    expect(inlines(html)).toBe(3);
  });
});

describe('forms found in real Hugo, Hexo and Obsidian notes', () => {
  it('reads math in backticks (blogdown, NexT) as math', async () => {
    const html = await render(
      ['若 `$X$` 服从分布，`code` 不变', '', '`$$', 'f(x)=\\frac{1}{\\sigma}', '$$`', '', '`$$y$$`'].join('\n'),
    );
    expect(displays(html)).toBe(2);
    expect(inlines(html)).toBe(1);
    expect(html).toContain('<code>code</code>');
  });

  it('keeps the escapes of the TeX after an opening $$ as written', async () => {
    const html = await render(['$$\\{x\\}\\,\\|y\\| \\\\', 'z$$'].join('\n'));
    expect(annotations(html)[0]).toBe('\\{x\\}\\,\\|y\\| \\\\\nz');
  });

  it('moves text after a closing $$ to a paragraph of its own, keeping later lines right', async () => {
    const markdown = ['$$', 'a \\geq b', '$$其中 $I$ 为信息', '', '$$', '\\sqrt{', '$$'].join('\n');
    const html = await render(markdown);
    expect(displays(html)).toBe(1);
    expect(html).toMatch(/<p>其中 <span class="katex">[\s\S]*为信息<\/p>/);
    expect(findKatexErrors(html).map(({ tex }) => lineOf(markdown, tex))).toEqual([6]);
  });

  it('keeps a block opened in a list item or quote in it, though its lines are not indented', async () => {
    const html = await render(['- $$', 'W=(1-\\alpha)W', '$$', '- 其中 $\\alpha<1$', '', '> $$', 'x', '$$'].join('\n'));
    expect(displays(html)).toBe(2);
    expect(html).toMatch(/<li>\s*<span class="katex-display"/);
    expect(html).toMatch(/<blockquote>\s*<span class="katex-display"/);
  });

  it('drops full-width spaces before a $$ block', async () => {
    const html = await render(['\u3000\u3000$$f(x)=a \\\\', '\u3000\u3000=b$$', '\u3000\u3000后文 $\\phi$'].join('\n'));
    expect(displays(html)).toBe(1);
    expect(inlines(html)).toBe(1);
  });

  it('renders what MathJax takes and KaTeX would refuse: eqnarray, \\*, a \\tag in single dollars', async () => {
    const html = await render(
      [
        '$$',
        '\\begin{eqnarray*}',
        'a &=& b \\\\',
        'c &\\leq& d',
        '\\end{eqnarray*}',
        '$$',
        '',
        '$(3\\*3+1)\\*10$',
        '',
        '$a=b \\tag{25}$',
      ].join('\n'),
    );
    expect(findKatexErrors(html)).toEqual([]);
    expect(displays(html)).toBe(2);
    expect(annotations(html)[0]).toContain('\\begin{align*}\na &= b \\\\\nc &\\leq d');
  });

  it('leaves an align of several columns as it is', async () => {
    const html = await render(['$$', '\\begin{alignat*}{2}', 'a &= b & c &= d', '\\end{alignat*}', '$$'].join('\n'));
    expect(annotations(html)[0]).toBe('\\begin{alignat*}{2}\na &= b & c &= d\n\\end{alignat*}');
  });
});

describe('line numbers', () => {
  it("finds an invalid formula at its line in the author's file, before and after a reshaped block", async () => {
    const markdown = [
      '正文',
      '',
      '$$\\begin{aligned}',
      'a &= \\frac{1}{',
      '\\end{aligned}$$',
      '',
      '文字',
      '',
      '$$',
      '\\sqrt{',
      '$$',
    ].join('\n');
    const errors = findKatexErrors(await render(markdown));
    expect(errors.map(({ tex }) => lineOf(markdown, tex))).toEqual([3, 10]);
  });
});
