import { describe, expect, it } from 'vitest';
import * as cheerio from 'cheerio';
import katex from 'katex';
import { feedHtml } from '../../src/lib/feed-html.ts';
import { katexOptions } from '../../src/markdown/katex-options.ts';

const pageUrl = 'https://example.org/blog/posts/pca/';

/** KaTeX's markup for a formula, exactly as the site's rehype-katex produces it. */
const inline = (tex: string) => katex.renderToString(tex, { ...katexOptions, displayMode: false });
const display = (tex: string) => katex.renderToString(tex, { ...katexOptions, displayMode: true });

const load = (html: string) => cheerio.load(html, null, false);

describe('feedHtml: math', () => {
  it('replaces an inline formula by its MathML and drops KaTeX’s visual HTML', () => {
    const out = feedHtml(`<p>质能方程 ${inline('E = mc^2')} 成立。</p>`, { pageUrl });
    const $ = load(out);
    expect($('p > math')).toHaveLength(1);
    expect($('math').attr('display')).toBeUndefined();
    expect($('math').attr('xmlns')).toBe('http://www.w3.org/1998/Math/MathML');
    expect($('math msup mi').text()).toBe('c');
    expect($('math annotation[encoding="application/x-tex"]').text()).toBe('E = mc^2');
    expect(out).not.toMatch(/katex/);
    expect($('p').text()).toMatch(/^质能方程 .*成立。$/);
  });

  it('replaces a display formula (span.katex-display) by <math display="block">', () => {
    const out = feedHtml(`<p>前文</p>\n${display('\\sum_{i=1}^{n} x_i')}\n<p>后文</p>`, { pageUrl });
    const $ = load(out);
    expect($.root().children('math')).toHaveLength(1);
    expect($('math').attr('display')).toBe('block');
    expect($('math munderover')).toHaveLength(1);
    expect(out).not.toMatch(/katex|<span/);
    expect(
      $('p')
        .map((_, p) => $(p).text())
        .get(),
    ).toEqual(['前文', '后文']);
  });

  it('handles several formulas, nested in lists and tables, and characters that need escaping', () => {
    const html = `<ul><li>${inline('a < b')} 与 ${inline('x \\& y')}</li></ul><table><tr><td>${inline('\\frac{1}{2}')}</td></tr></table>`;
    const out = feedHtml(html, { pageUrl });
    const $ = load(out);
    expect($('li math')).toHaveLength(2);
    expect($('td math mfrac')).toHaveLength(1);
    expect($('li math annotation').first().text()).toBe('a < b');
    expect(out).not.toContain('katex-html');
  });

  it('fails loudly on a formula without MathML instead of dropping it', () => {
    const htmlOnly = katex.renderToString('x^2', { ...katexOptions, output: 'html' });
    expect(() => feedHtml(`<p>${htmlOnly}</p>`, { pageUrl })).toThrow(/no MathML/);
  });

  it('removes stray KaTeX visual HTML', () => {
    expect(feedHtml('<p>a<span class="katex-html" aria-hidden="true">x</span>b</p>', { pageUrl })).toBe('<p>ab</p>');
  });
});

describe('feedHtml: URLs', () => {
  it('resolves relative, root-relative and fragment links against the post URL', () => {
    const html = [
      '<a href="../kd-tree/">相对</a>',
      '<a href="/blog/posts/ddp/">根相对</a>',
      '<a href="#推导">片段</a>',
      '<a href="figure.svg">同目录</a>',
      '<a href="?page=2">查询</a>',
    ].join('');
    const $ = load(feedHtml(html, { pageUrl }));
    expect(
      $('a')
        .map((_, a) => $(a).attr('href'))
        .get(),
    ).toEqual([
      'https://example.org/blog/posts/kd-tree/',
      'https://example.org/blog/posts/ddp/',
      'https://example.org/blog/posts/pca/#%E6%8E%A8%E5%AF%BC',
      'https://example.org/blog/posts/pca/figure.svg',
      'https://example.org/blog/posts/pca/?page=2',
    ]);
  });

  it('keeps absolute URLs (other sites, mailto:, data:) and makes them ASCII', () => {
    const html =
      '<a href="https://例子.测试/路径?q=值#段">站外</a><a href="mailto:a@example.org">信</a><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="">';
    const $ = load(feedHtml(html, { pageUrl }));
    const hrefs = $('a')
      .map((_, a) => $(a).attr('href'))
      .get();
    expect(hrefs[0]).toBe('https://xn--fsqu00a.xn--0zwm56d/%E8%B7%AF%E5%BE%84?q=%E5%80%BC#%E6%AE%B5');
    expect(hrefs[1]).toBe('mailto:a@example.org');
    expect($('img').attr('src')).toBe('data:image/gif;base64,R0lGODlhAQABAAAAACw=');
    for (const url of [...hrefs, $('img').attr('src')!]) expect(url).toMatch(/^[\x21-\x7e]+$/);
  });

  it('resolves image src and srcset, media src and poster', () => {
    const html =
      '<img src="/blog/_astro/fig.abc.svg" srcset="/blog/_astro/fig-1x.png 1x, fig-2x.png 2x" alt="图">' +
      '<video src="clip.mp4" poster="./poster.png"></video><picture><source srcset="a.webp 480w, /b.webp 960w"></picture>';
    const $ = load(feedHtml(html, { pageUrl }));
    expect($('img').attr('src')).toBe('https://example.org/blog/_astro/fig.abc.svg');
    expect($('img').attr('srcset')).toBe(
      'https://example.org/blog/_astro/fig-1x.png 1x, https://example.org/blog/posts/pca/fig-2x.png 2x',
    );
    expect($('video').attr('src')).toBe('https://example.org/blog/posts/pca/clip.mp4');
    expect($('video').attr('poster')).toBe('https://example.org/blog/posts/pca/poster.png');
    expect($('source').attr('srcset')).toBe(
      'https://example.org/blog/posts/pca/a.webp 480w, https://example.org/b.webp 960w',
    );
  });

  it('removes a URL that cannot be parsed, keeping the element and its text', () => {
    const $ = load(feedHtml('<a href="http://[broken">坏链接</a>', { pageUrl }));
    expect($('a').attr('href')).toBeUndefined();
    expect($('a').text()).toBe('坏链接');
  });
});

describe('feedHtml: other content', () => {
  it('turns Shiki code blocks into plain text with their language, keeping every character', () => {
    const shiki =
      '<pre class="astro-code astro-code-themes github-light github-dark" style="--shiki-light:#24292e;--shiki-dark:#e1e4e8; overflow-x: auto;" tabindex="0" data-language="python"><code>' +
      '<span class="line"><span style="--shiki-light:#D73A49;--shiki-dark:#F97583">if</span><span style="--shiki-light:#24292E;--shiki-dark:#E1E4E8"> a &lt; b &amp;&amp; c:</span></span>\n' +
      '<span class="line"></span>\n' +
      '<span class="line"><span style="--shiki-light:#24292E;--shiki-dark:#E1E4E8">    print(</span><span style="--shiki-light:#032F62;--shiki-dark:#9ECBFF">"]]&gt; 中文"</span><span>)</span></span></code></pre>';
    const out = feedHtml(shiki, { pageUrl });
    expect(out).toBe(
      '<pre><code class="language-python">if a &lt; b &amp;&amp; c:\n\n    print("]]> 中文")</code></pre>',
    );
  });

  it('takes a table out of its scroll region, converting what the table holds', () => {
    const html = `<section class="table-scroll" aria-label="表格 1" tabindex="0"><table><tr><td>${inline('x')}</td></tr></table></section><p>后文</p>`;
    const $ = load(feedHtml(html, { pageUrl }));
    expect($('section, [tabindex]')).toHaveLength(0);
    expect($('table td math')).toHaveLength(1);
    expect($('p').text()).toBe('后文');
  });

  it('leaves other <pre> blocks (raw HTML in a post) as they are', () => {
    const out = feedHtml('<pre>x <a href="../a/">y</a></pre>', { pageUrl });
    expect(out).toBe('<pre>x <a href="https://example.org/blog/posts/a/">y</a></pre>');
  });

  it('removes controls, hidden elements and empty links that only work with the site’s scripts and CSS', () => {
    const html =
      '<h2 id="推导">推导<a class="heading-anchor" href="#推导" aria-label="本节链接：推导"></a></h2>' +
      '<div class="code-block"><div class="code-block__bar"><span>Python</span><button type="button" hidden>复制</button></div></div>' +
      '<p hidden>隐藏</p><template><p>模板</p></template>' +
      '<p><a href="a.png"><img src="a.png" alt="图"></a> <a href="../x/"> 链接 </a></p>';
    const $ = load(feedHtml(html, { pageUrl }));
    expect($('h2').prop('outerHTML')).toBe('<h2 id="推导">推导</h2>');
    expect($('button, template, [hidden]')).toHaveLength(0);
    expect($('.code-block__bar').text()).toBe('Python');
    expect(
      $('a')
        .map((_, a) => $(a).attr('href'))
        .get(),
    ).toEqual(['https://example.org/blog/posts/pca/a.png', 'https://example.org/blog/posts/x/']);
  });

  it('removes scripts and styles, keeps figures and text exactly', () => {
    const html =
      '<style>.x{color:red}</style><script>alert(1)</script>' +
      '<p>a &lt; b &amp;&amp; c</p>' +
      '<figure id="fig-1"><img src="a.svg" alt="甲"><figcaption>图 1：说明</figcaption></figure>';
    const out = feedHtml(html, { pageUrl });
    const $ = load(out);
    expect($('script, style')).toHaveLength(0);
    expect($('p').text()).toBe('a < b && c');
    expect(out).toContain('<p>a &lt; b &amp;&amp; c</p>');
    expect($('figure figcaption').text()).toBe('图 1：说明');
    expect($('figure img').attr('src')).toBe('https://example.org/blog/posts/pca/a.svg');
  });

  it('returns an empty string for empty input', () => {
    expect(feedHtml('', { pageUrl })).toBe('');
  });
});
