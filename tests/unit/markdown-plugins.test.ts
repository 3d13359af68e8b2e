/** The Markdown pipeline's own plugins, run through Astro's Markdown processor with the site's configuration. */
import type { MarkdownRenderer } from '@astrojs/markdown-remark';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSiteProcessor } from '../helpers/markdown.ts';

let processor: MarkdownRenderer;
beforeAll(async () => {
  processor = await createSiteProcessor();
});
const render = async (markdown: string) => (await processor.render(markdown)).code;

describe('figure and equation numbering', () => {
  it('numbers captioned images in order, with labels', async () => {
    const html = await render(
      [
        '![a](a.png "第一张")',
        '',
        '![b](b.png "第二张 {#fig:b}")',
        '',
        '![inline](c.png "不单独成段") 的图不编号',
        '',
        '见 :ref[fig:b]。',
      ].join('\n'),
    );
    expect(html).toContain(
      '<figure id="fig-1"><img src="a.png" alt="a"><figcaption><span class="figure-number">图 1</span>：第一张</figcaption></figure>',
    );
    expect(html).toContain('<figure id="fig-fig-b">');
    expect(html).toContain('图 2</span>：第二张</figcaption>');
    expect(html).toContain('<a href="#fig-fig-b" class="cross-ref">图 2</a>');
    expect(html.match(/<figure/g)).toHaveLength(2);
  });

  it('numbers only labelled equations and replaces \\label with a tag', async () => {
    const html = await render(
      [
        '$$',
        'a = 1',
        '$$',
        '',
        '$$',
        'b = 2 \\label{eq:b}',
        '$$',
        '',
        '$$',
        'c = 3 \\label{eq:c}',
        '$$',
        '',
        '由 \\eqref{eq:c} 与 :eqref[eq:b]。',
      ].join('\n'),
    );
    expect(html).toContain('<div id="eq-b" class="equation">');
    expect(html).toMatch(/id="eq-c" class="equation">[\s\S]*?<span class="tag">[\s\S]*?\(2\)/);
    expect(html).toContain(
      '由 <a href="#eq-c" class="cross-ref">式 (2)</a> 与 <a href="#eq-b" class="cross-ref">式 (1)</a>。',
    );
    expect(html).not.toContain('\\label');
  });

  it('rejects an unknown label and a label defined twice', async () => {
    await expect(render('见 :ref[fig:none]。')).rejects.toThrow(/unknown label "fig:none"/);
    await expect(render(['$$', 'a \\label{eq:x}', '$$', '', '$$', 'b \\label{eq:x}', '$$'].join('\n'))).rejects.toThrow(
      /label "eq:x" is defined twice/,
    );
  });

  it('rejects an image without alt text', async () => {
    await expect(render('![](x.png)')).rejects.toThrow(/has no alt text/);
  });
});

describe('writing blocks', () => {
  it('turn :::tip into a callout with the default or given title', async () => {
    expect((await render(':::tip\n内容\n:::')).replace(/\n/g, '')).toBe(
      '<aside class="callout callout--tip" role="note"><p class="callout__title">提示</p><p>内容</p></aside>',
    );
    expect(await render(':::warning[当心]\n内容\n:::')).toContain('<p class="callout__title">当心</p>');
  });

  it('reject a block they do not know', async () => {
    await expect(render(':::spoiler\n内容\n:::')).rejects.toThrow(/unknown block ":::spoiler"/);
  });

  it('leave text like 3:2 or Note:x alone', async () => {
    expect(await render('比例 3:2，Note:x 与 a:b[c]。')).toBe('<p>比例 3:2，Note:x 与 a:b[c]。</p>');
  });
});

describe('headings, quotes, code and footnotes', () => {
  it('gives symbol-only and repeated headings unique, non-empty ids', async () => {
    const html = await render('## 🔥\n\n## 小节\n\n## 小节\n\n## ✨');
    expect([...html.matchAll(/<h2 id="([^"]+)"/g)].map((m) => m[1])).toEqual([
      'section-1',
      '小节',
      '小节-2',
      'section-2',
    ]);
  });

  it('pairs straight quotes in Chinese prose, but not in code', async () => {
    expect(await render('所谓"数据并行"与 `"raw"`')).toBe('<p>所谓“数据并行”与 <code>"raw"</code></p>');
  });

  it('frames code with its language and a hidden copy button', async () => {
    const html = await render('```python\nx = 1\n```');
    expect(html).toMatch(
      /^<div class="code-block"><div class="code-block__bar" data-pagefind-ignore="all"><span class="code-block__lang">Python<\/span><button type="button" class="code-block__copy" data-copy-code="" hidden>复制<\/button><\/div><pre class="astro-code/,
    );
  });

  it('labels footnotes in Chinese', async () => {
    const html = await render('正文[^1]\n\n[^1]: 注释');
    expect(html).toContain('<h2 class="footnotes-label" id="footnote-label">脚注</h2>');
    expect(html).toContain('aria-label="返回正文第 1 处引用"');
  });
});

describe('sideways-scrolling blocks', () => {
  it('wrap each table in a focusable region numbered in order, and make display formulas focusable', async () => {
    const table = (head: string) => `| ${head} | b |\n| --- | --- |\n| 1 | 2 |`;
    const html = await render(
      [table('a'), '', '$$', 'x^2', '$$', '', '行内 $y$ 不变', '', ':::tip', table('c'), ':::'].join('\n'),
    );
    const regions = [...html.matchAll(/<section class="table-scroll" aria-label="([^"]+)" tabindex="0">\s*<table>/g)];
    expect(regions.map((m) => m[1])).toEqual(['表格 1', '表格 2']);
    expect(html.match(/<span class="katex-display" tabindex="0">/g)).toHaveLength(1);
    // Inline math is part of the sentence: not a tab stop of its own.
    expect(html.match(/tabindex/g)).toHaveLength(3);
  });
});

describe('one <h1> per page: headings in the body', () => {
  const renderWithTitle = async (markdown: string, title: string) =>
    (await processor.render(markdown, { frontmatter: { title } })).code;

  it('drops a first `# heading` that repeats the title', async () => {
    const html = await renderWithTitle(
      ['# PCA  原理总结', '', '正文。', '', '## 推导', '', '内容。'].join('\n'),
      'PCA 原理总结',
    );
    expect(html).not.toContain('<h1');
    expect(html).not.toContain('PCA  原理总结');
    expect(html).toMatch(/<h2[^>]*>.*推导/);
  });

  it('moves every heading down a level when the body uses `#` for its sections', async () => {
    const markdown = ['# 第一部分', '', '## 细节', '', '###### 最深', '', '# 第二部分'].join('\n');
    const html = await renderWithTitle(markdown, '另一个标题');
    expect(html).not.toContain('<h1');
    expect(html).toMatch(/<h2[^>]*>.*第一部分/);
    expect(html).toMatch(/<h3[^>]*>.*细节/);
    expect(html).toMatch(/<h6[^>]*>.*最深/);
    expect(html).toMatch(/<h2[^>]*>.*第二部分/);
  });

  it('demotes the rest after dropping the title when more `#` headings follow', async () => {
    const html = await renderWithTitle(['# 标题', '', '# 一', '', '## 二'].join('\n'), '标题');
    expect(html.match(/<h2/g)).toHaveLength(1);
    expect(html).toMatch(/<h2[^>]*>.*一/);
    expect(html).toMatch(/<h3[^>]*>.*二/);
  });

  it('leaves posts that start at `##` alone', async () => {
    const html = await renderWithTitle(['## 一', '', '### 二'].join('\n'), '标题');
    expect(html).toMatch(/<h2[^>]*>.*一/);
    expect(html).toMatch(/<h3[^>]*>.*二/);
  });
});

describe('hard-wrapped Chinese lines', () => {
  it('joins a line break between two Chinese characters, and keeps it next to Latin text or math', async () => {
    const html = await render(
      ['直观地说', '明了使用未标记样本，', '“西瓜书”两张插图', 'PCA 的', 'English words', '和 $x$', '继续。'].join(
        '\n',
      ),
    );
    expect(html).toContain('<p>直观地说明了使用未标记样本，“西瓜书”两张插图\nPCA 的\nEnglish words\n和 ');
    expect(html).toMatch(/<\/span>\n继续。<\/p>/);
  });

  it('joins them across emphasis, links and inline code too', async () => {
    const html = await render(
      ['弱学习算法', '**输出**：分类器', '[链接](https://example.org/)', '文字', '`代码`', '结束。'].join('\n'),
    );
    expect(html).toContain(
      '<p>弱学习算法<strong>输出</strong>：分类器<a href="https://example.org/">链接</a>文字<code>代码</code>结束。</p>',
    );
  });
});

describe('inline math followed by closing punctuation', () => {
  it('wraps the formula and its punctuation together, holding only the last box of the formula to it', async () => {
    const html = await render('迹 $\\mathrm{tr}(S) = a + b$，这正是总方差；而 $x$ 后面没有标点 y。');
    const tails = [...html.matchAll(/<span class="math-tail">(<span class="katex">[\s\S]*?)，<\/span>/g)];
    expect(tails).toHaveLength(1);
    expect(html).toContain('</span>，</span>这正是总方差');
    // The boxes before the last one may still break; the last one sits next to the "，".
    expect(tails[0]![1]).toMatch(/<span class="katex-html" aria-hidden="true"><span class="math-tail__breakable">/);
    // A formula followed by a space and text is left alone.
    expect(html.match(/math-tail"/g)).toHaveLength(1);
  });

  it('takes the whole run of closing marks and leaves display math alone', async () => {
    const html = await render('（见 $y$）。后文\n\n$$\nz\n$$\n\n。');
    expect(html).toContain('</span>）。</span>后文');
    expect(html).not.toMatch(/katex-display[^>]*>[\s\S]*math-tail/);
  });
});
