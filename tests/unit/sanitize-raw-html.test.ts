/**
 * The author's raw HTML in .md posts, through Astro's Markdown processor with the
 * site's plugin lists: hostile HTML is removed, harmless HTML stays, and the
 * markup our own pipeline generates is byte-for-byte what it is without raw HTML.
 */
import type { MarkdownRenderer } from '@astrojs/markdown-remark';
import type { Root } from 'hast';
import { beforeAll, describe, expect, it } from 'vitest';
import * as cheerio from 'cheerio';
import { createSiteProcessor } from '../helpers/markdown.ts';
import { rehypeSanitizeRawHtml } from '../../src/markdown/rehype-sanitize-raw.ts';

let processor: MarkdownRenderer;
beforeAll(async () => {
  processor = await createSiteProcessor();
});
const render = async (markdown: string) => (await processor.render(markdown)).code;
/** Whitespace between tags does not matter to a reader (removed blocks leave newlines behind). */
const squeeze = (html: string) => html.replace(/>\s+</g, '><').trim();

/** Markdown that exercises every kind of markup the pipeline generates. */
const GENERATED = [
  '## 小节标题',
  '',
  '正文里有行内公式 $x^2$、**粗体**、`代码` 和脚注[^a]。',
  '',
  '$$',
  'a^2 + b^2 = c^2 \\label{eq:p}',
  '$$',
  '',
  '由 \\eqref{eq:p} 可知，见 :ref[fig:f]。',
  '',
  '![示意](f.png "一张图 {#fig:f}")',
  '',
  ':::note',
  '说明框。',
  ':::',
  '',
  ':::derivation[推导]',
  '$\\nabla f = 0$',
  ':::',
  '',
  '::paper{title="Attention Is All You Need" authors="Vaswani et al." venue="NeurIPS" year="2017" arxiv="1706.03762"}',
  '',
  '```python',
  'def f(x):',
  '    return x ** 2',
  '```',
  '',
  '| a | b |',
  '| - | - |',
  '| 1 | 2 |',
  '',
  '- [x] 任务',
  '',
  '[^a]: 脚注内容。',
].join('\n');

describe('hostile raw HTML', () => {
  it('removes scripts, handlers, javascript: URLs, frames, plug-ins, styles, forms and foreign markup', async () => {
    const html = await render(
      [
        '<script>alert(1)</script>',
        '',
        '行内 <script>alert(2)</script> 脚本，<img src="/a.png" alt="图" onerror="alert(3)">，<a href="javascript:alert(4)">链接</a>，<a href="  JaVaScRiPt:alert(5)">变形</a>，<a href="https://example.com/" onclick="alert(6)">好链接</a>',
        '',
        '<iframe src="https://evil.example/"></iframe>',
        '',
        '<object data="x.swf"><embed src="x.swf"></object>',
        '',
        '<style>body { display: none }</style>',
        '',
        '<form action="https://evil.example/"><input name="p"><button>提交</button></form>',
        '',
        '<svg onload="alert(7)"><circle r="1"/></svg>',
        '',
        '<math><mi xlink:href="javascript:alert(8)">x</mi></math>',
        '',
        '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
        '<base href="https://evil.example/">',
        '<link rel="stylesheet" href="https://evil.example/x.css">',
        '',
        '<a href="data:text/html,<script>alert(9)</script>">data</a> <img src="data:image/svg+xml,<svg onload=alert(10)>" alt="d">',
        '',
        '<div style="position:fixed" class="callout" id="search-dialog" data-x="1">覆盖</div>',
        '',
        '<!-- 作者的注释 -->',
        '',
        '<input type="text" name="q"> <textarea>t</textarea> <select><option>o</option></select>',
      ].join('\n'),
    );
    const $ = cheerio.load(html, null, false);
    expect(
      $('script, iframe, object, embed, style, form, input, button, textarea, select, svg, math, meta, base, link')
        .length,
    ).toBe(0);
    const attributes = $('*')
      .toArray()
      .flatMap((el) => Object.keys((el as unknown as { attribs: Record<string, string> }).attribs));
    expect(
      attributes.filter(
        (name) => /^on/i.test(name) || name === 'style' || name === 'class' || name.startsWith('data-'),
      ),
    ).toEqual([]);
    expect(
      $('a')
        .map((_, a) => $(a).attr('href') ?? '(none)')
        .get(),
    ).toEqual(['(none)', '(none)', 'https://example.com/', '(none)']);
    expect(
      $('img')
        .map((_, img) => $(img).attr('src') ?? '(none)')
        .get(),
    ).toEqual(['/a.png', '(none)']);
    // Author ids cannot clash with the page's own (the search dialog's id).
    expect($('div').attr('id')).toBe('user-content-search-dialog');
    expect(html).not.toMatch(/alert|<!--|evil\.example/);
    expect($.root().text()).toContain('覆盖');
  });

  it('cannot forge the mark that trusted elements carry', async () => {
    const html = await render('<span data-md="1" data-mdabcdefghijklmnop="1" style="color:red">x</span>');
    expect(html).toBe('<p><span>x</span></p>');
  });

  it('keeps KaTeX from making links (trust is off)', async () => {
    const html = await render('$\\href{javascript:alert(1)}{点我}$ 与 $\\url{javascript:alert(2)}$');
    const $ = cheerio.load(html, null, false);
    expect($('a').length).toBe(0);
    expect(html).not.toMatch(/href="javascript/i);
    expect($('.katex').length).toBe(2);
  });
});

describe('harmless raw HTML', () => {
  it('keeps details/summary, kbd, sub/sup, abbr with its title, br, mark, tables and images with alt', async () => {
    const html = await render(
      [
        '<details open>',
        '<summary>展开 <kbd>Ctrl</kbd></summary>',
        '',
        '折叠的 **Markdown**。',
        '',
        '</details>',
        '',
        '按 <kbd>Ctrl</kbd>+<kbd>C</kbd>；H<sub>2</sub>O；x<sup>2</sup>；<abbr title="主成分分析">PCA</abbr>；<mark>重点</mark>；一<br>二。',
        '',
        '<table><thead><tr><th>列</th></tr></thead><tbody><tr><td colspan="1">格</td></tr></tbody></table>',
        '',
        '<img src="https://example.com/a.png" alt="图表" width="100" height="50" title="标题">',
        '',
        '<a href="https://example.com/" title="外链">外链</a> <a href="/posts/x/">站内</a> <a href="#小节">锚点</a> <a href="mailto:a@example.com">邮件</a>',
      ].join('\n'),
    );
    expect(squeeze(html)).toContain(
      '<details open><summary>展开 <kbd>Ctrl</kbd></summary><p>折叠的 <strong>Markdown</strong>。</p></details>',
    );
    expect(html).toContain(
      '按 <kbd>Ctrl</kbd>+<kbd>C</kbd>；H<sub>2</sub>O；x<sup>2</sup>；<abbr title="主成分分析">PCA</abbr>；<mark>重点</mark>；一<br>二。',
    );
    expect(html).toContain(
      '<table><thead><tr><th>列</th></tr></thead><tbody><tr><td colspan="1">格</td></tr></tbody></table>',
    );
    // An image Astro does not optimise (remote, or served from public/) is made lazy like the ones it does.
    expect(html).toContain(
      '<img src="https://example.com/a.png" alt="图表" width="100" height="50" title="标题" loading="lazy" decoding="async">',
    );
    expect(html).toContain(
      '<a href="https://example.com/" title="外链">外链</a> <a href="/posts/x/">站内</a> <a href="#小节">锚点</a> <a href="mailto:a@example.com">邮件</a>',
    );
  });
});

describe('generated markup', () => {
  it('is identical whether or not the post also holds raw HTML', async () => {
    const clean = await render(GENERATED);
    // The same post with raw HTML between (and inside) its blocks, all of it removed by the sanitizer.
    const blocks = GENERATED.split('\n\n');
    const mixed = await render(
      blocks.join('\n\n<script>alert(1)</script>\n\n').replace('正文里有', '正文里有<!-- x --><style>p{}</style>'),
    );
    expect(mixed).not.toContain('alert');
    expect(squeeze(mixed)).toBe(squeeze(clean));
    // Every generated piece is there: KaTeX (HTML and MathML), Shiki's styled code, the code bar,
    // figures, callouts, derivations, paper cards, heading anchors, footnotes, cross-references.
    const $ = cheerio.load(clean, null, false);
    expect($('.katex .katex-mathml math').length).toBe(3);
    expect($('.katex .katex-html [style]').length).toBeGreaterThan(0);
    expect($('.code-block .code-block__bar button.code-block__copy[hidden]').length).toBe(1);
    expect($('pre.astro-code[style][tabindex="0"] span[style]').length).toBeGreaterThan(3);
    expect($('figure#fig-fig-f figcaption').text()).toBe('图 1：一张图');
    expect($('aside.callout.callout--note').length).toBe(1);
    expect($('details.derivation > summary').text()).toBe('推导');
    expect($('aside.paper-card cite').text()).toBe('Attention Is All You Need');
    expect($('h2#小节标题 a.heading-anchor').attr('href')).toBe('#%E5%B0%8F%E8%8A%82%E6%A0%87%E9%A2%98');
    expect(
      $('a.cross-ref')
        .map((_, a) => $(a).attr('href'))
        .get(),
    ).toEqual(['#eq-p', '#fig-fig-f']);
    expect($('sup a[data-footnote-ref][aria-describedby="footnote-label"]').attr('id')).toBe('user-content-fnref-a');
    expect($('section[data-footnotes] li#user-content-fn-a a[data-footnote-backref]').length).toBe(1);
    expect($('input[type="checkbox"][checked][disabled]').length).toBe(1);
  });

  it("stays trusted when it is nested inside the author's HTML", async () => {
    const clean = await render(GENERATED);
    const nested = await render(`<details><summary>全文</summary>\n\n${GENERATED}\n\n</details>`);
    const $ = cheerio.load(nested, null, false);
    expect($('details:not(.derivation) > summary').first().text()).toBe('全文');
    const inside = squeeze(nested)
      .replace('<details><summary>全文</summary>', '')
      .replace(/<\/details>(<section data-footnotes)/, '$1');
    expect(inside).toBe(squeeze(clean));
  });

  it('is not touched at all when there is no raw HTML (every .mdx tree)', () => {
    const tree: Root = {
      type: 'root',
      children: [
        { type: 'element', tagName: 'pre', properties: { style: '--shiki-light:#000', dataX: '1' }, children: [] },
      ],
    };
    expect(rehypeSanitizeRawHtml()(tree)).toBe(tree);
    expect(tree.children[0]).toEqual({
      type: 'element',
      tagName: 'pre',
      properties: { style: '--shiki-light:#000', dataX: '1' },
      children: [],
    });
  });
});

describe('centring wrappers from other tools', () => {
  it('keep centring as a class instead of the obsolete align attribute and <center>', async () => {
    const html = squeeze(
      await render(
        [
          '<div align=center><img width="550" src="/x.png" alt="图"/></div>',
          '',
          '<center>图 1 说明</center>',
          '',
          '<p align="right">右</p>',
          '',
          '<img align="center" src="/y.png" alt="y">',
        ].join('\n'),
      ),
    );
    expect(html).toContain(
      '<div class="align-center"><img width="550" src="/x.png" alt="图" loading="lazy" decoding="async"></div>',
    );
    expect(html).toContain('<div class="align-center">图 1 说明</div>');
    expect(html).toContain('<p class="align-right">右</p>');
    expect(html).toContain('<img src="/y.png" alt="y" loading="lazy" decoding="async">');
    expect(html).not.toMatch(/align=|<center/);
  });

  it('still gives authors no class of their own', async () => {
    expect(squeeze(await render('<div class="evil" align="middle">x</div>'))).toBe('<div>x</div>');
  });
});
