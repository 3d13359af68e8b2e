/**
 * Posts written for other tools, built as they are (tests/fixtures/other-tools):
 * dates in the forms Hugo, Hexo and Jekyll write (offsets honoured, local times
 * in the site's zone, the feed sorted by the instant), footnotes with Chinese
 * labels (links pass the build's own fragment check) and a body that opens with
 * `# 标题` or uses `#` for its sections (one <h1> per page), and images written as
 * raw HTML (resolved and optimised like Markdown images).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCorpus } from '../helpers/build.ts';
import { cardTitles, loadPage } from '../helpers/site.ts';

let site = '';
let buildLog = '';
beforeAll(() => {
  // The build fails if any link, #fragment or image of these posts does not resolve.
  const result = buildCorpus('other-tools', 'tests/fixtures/other-tools');
  if (result.status !== 0) throw new Error(`build of tests/fixtures/other-tools failed:\n${result.output}`);
  site = result.outDir;
  buildLog = result.output;
});

describe('dates written by other tools', () => {
  it('sorts the feed by the instant, whatever form and offset each date has', () => {
    // Jekyll 01:00 UTC (09:00 in Shanghai) > Hexo 08:00 Shanghai > Hugo 07:30 +08:00, all on 2024-03-11.
    expect(cardTitles(site, '/').slice(0, 3)).toEqual(['Jekyll 写的日期', 'Hexo 写的日期', 'Hugo 写的日期']);
  });

  it('shows the calendar date in the site time zone, and the instant in machine-readable metadata', () => {
    const late = loadPage(site, '/posts/late-utc/');
    expect(late('.post-header time').first().text()).toBe('2024-03-02');
    const jsonLd = JSON.parse(late('script[type="application/ld+json"]').text()) as { datePublished: string };
    expect(new Date(jsonLd.datePublished).toISOString()).toBe('2024-03-01T23:30:00.000Z');
    const hugo = loadPage(site, '/posts/hugo-offset/');
    expect(hugo('.post-header').text()).toContain('2024-03-11');
    expect(hugo('.post-header').text()).toContain('2024-03-12');
  });
});

describe('footnotes and headings in Chinese', () => {
  it('links every footnote both ways, with ids a browser matches', () => {
    const $ = loadPage(site, '/posts/chinese-footnotes/');
    const refs = $('a[data-footnote-ref]')
      .map((_, a) => $(a).attr('href')!)
      .get();
    expect(refs).toHaveLength(3);
    for (const href of refs) {
      // The href is percent-encoded and so is the id: the browser matches the fragment as written.
      expect($(`[id="${href.slice(1)}"]`)).toHaveLength(1);
    }
    // Markdown percent-encodes the link; the browser decodes it to the heading's id.
    const sectionLinks = $('.prose a').filter(
      (_, a) => decodeURIComponent($(a).attr('href')!) === '#第一节方法-与-概述2024',
    );
    expect(sectionLinks.length).toBeGreaterThanOrEqual(1);
    expect($('h2#第一节方法-与-概述2024')).toHaveLength(1);
  });
});

describe('a body that uses level-1 headings', () => {
  it('drops a first `# heading` equal to the title', () => {
    const $ = loadPage(site, '/posts/body-title/');
    expect($('h1')).toHaveLength(1);
    expect($('h1').text().trim()).toBe('笔记开头的一级标题');
    expect(
      $('.prose h2')
        .map((_, h) => $(h).text().trim())
        .get(),
    ).toContain('第一节');
  });

  it('moves `#` sections down one level, keeping their outline', () => {
    const $ = loadPage(site, '/posts/body-sections/');
    expect($('h1')).toHaveLength(1);
    expect(
      $('.prose h2')
        .map((_, h) => $(h).text().trim())
        .get(),
    ).toEqual(['背景', '结论']);
    expect(
      $('.prose h3')
        .map((_, h) => $(h).text().trim())
        .get(),
    ).toEqual(['细节']);
  });
});

describe('images written as raw HTML', () => {
  const images = () => {
    const $ = loadPage(site, '/posts/raw-html-images/');
    return $('.prose img')
      .map((_, img) => ({ ...$(img).attr(), centred: $(img).parent().is('div.align-center') }))
      .get() as Record<string, string | boolean>[];
  };

  it('resolves a path into a shared folder outside the post, optimised, sized and lazy like a Markdown image', () => {
    const [block] = images();
    expect(block).toMatchObject({ alt: '模块示意图', width: '300', height: '150', loading: 'lazy', centred: true });
    // The 600 × 300 PNG keeps its aspect ratio at the width the author gave and becomes WebP.
    expect(block!['src']).toMatch(/^\/_astro\/block-diagram\.[\w-]+\.webp$/);
    expect(existsSync(join(site, String(block!['src'])))).toBe(true);
  });

  it('resolves an inline <img> in a paragraph and a <center> wrapper', () => {
    const [, icon, centred] = images();
    expect(icon).toMatchObject({ alt: '图标', width: '16', height: '16', centred: false });
    expect(icon!['src']).toMatch(/^\/_astro\/icon\.[\w-]+\.svg$/);
    expect(centred).toMatchObject({ width: '200', height: '100', centred: true });
  });

  it('warns, naming file and line, about a raw <img> without alt text', () => {
    expect(buildLog).toMatch(
      /tests\/fixtures\/other-tools\/raw-html-images\/index\.md:13: <img src="\.\.\/img\/block-diagram\.png"> has no alt text/,
    );
    expect(buildLog).not.toMatch(/raw-html-images\/index\.md:(9|11): .*no alt text/);
  });
});
