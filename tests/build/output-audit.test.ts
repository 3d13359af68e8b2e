/**
 * The output audit (tests/helpers/output-audit.ts: html-validate, strict XML,
 * control characters, ASCII URLs in feeds and sitemaps, JSON-LD) over the site
 * built from content/posts and over fixture corpora built here: the rich,
 * reader and authoring corpora, the feeds corpus with its XML-hostile post (at
 * the root and under /blog/). And a broken site, to show the audit catches what
 * it looks for.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { buildCorpusOrThrow, outputRoot } from '../helpers/build.ts';
import { auditSite } from '../helpers/output-audit.ts';

describe('output audit', () => {
  it('finds nothing wrong in the site built from content/posts', () => {
    expect(auditSite(inject('siteDir'))).toEqual([]);
  });

  it.each([
    { name: 'rich', corpus: 'tests/fixtures/rich', env: {} },
    { name: 'reader', corpus: 'tests/fixtures/reader', env: {} },
    // With the clock in 2030 the future-dated post is published too.
    { name: 'authoring', corpus: 'tests/fixtures/authoring', env: { SOURCE_DATE_EPOCH: '1906502400' } },
    { name: 'feeds', corpus: 'tests/fixtures/feeds', env: {} },
    {
      name: 'feeds-blog',
      corpus: 'tests/fixtures/feeds',
      env: { SITE_URL: 'https://example.org', BASE_PATH: '/blog/' },
    },
  ])('finds nothing wrong in the $name corpus', ({ name, corpus, env }) => {
    const dir = buildCorpusOrThrow(`audit-${name}`, corpus, env);
    expect(auditSite(dir)).toEqual([]);
  });

  it('reports each kind of problem it looks for', () => {
    const dir = join(outputRoot, 'audit-broken');
    rmSync(dir, { recursive: true, force: true });
    const write = (file: string, text: string | Buffer) => {
      mkdirSync(dirname(join(dir, file)), { recursive: true });
      writeFileSync(join(dir, file), text);
    };
    const page = (head: string, body: string) =>
      `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>t</title>${head}</head><body>${body}</body></html>`;
    write(
      'good/index.html',
      page(
        '',
        '<p style="height:1em;--shiki-light:#000">好</p><table><tbody><tr><td align="center">x</td></tr></tbody></table>',
      ),
    );
    write('invalid/index.html', page('', '<p style="font-size:2em">x</p><div><span></div><button>b</button>'));
    write('control/index.html', page('', '<p>a\x07b &#x1b; c\u0085</p>'));
    write(
      'json-ld/index.html',
      page(
        '<script type="application/ld+json">{"name":"</script"}</script><script type="application/ld+json">{oops}</script>',
        '<p>x</p>',
      ),
    );
    write('latin1/index.html', Buffer.from([0x3c, 0x70, 0x3e, 0xe9, 0x3c, 0x2f, 0x70, 0x3e]));
    write('broken.xml', '<?xml version="1.0"?><a><b></a>');
    write('chars.xml', '<?xml version="1.0"?><a>x\uFFFE &#x1; ]]></a>');
    write(
      'rss.xml',
      '<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><link>https://example.org/博客/</link>' +
        '<item><guid isPermaLink="true">https://example.org/posts/ok/</guid><enclosure url="https://example.org/图.png" type="image/png" length="1"/>' +
        '<content:encoded><![CDATA[<p><a href="https://example.org/链接">x</a><img src="https://example.org/ok.png" srcset="https://example.org/小.png 1x" alt=""></p>]]></content:encoded></item></channel></rss>',
    );
    write(
      'sitemap-0.xml',
      '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://example.org/posts/危险/</loc></url></urlset>',
    );

    const problems = auditSite(dir);
    const about = (pattern: RegExp) => problems.filter((problem) => pattern.test(problem));
    expect(about(/^good\//)).toEqual([]);
    expect(about(/^invalid\/index\.html:.*no-inline-style/)).toHaveLength(1);
    expect(
      about(/^invalid\/index\.html:.*(close-order|element-permitted|no-implicit-close|close-attr)/).length,
    ).toBeGreaterThan(0);
    expect(about(/^invalid\/index\.html:.*no-implicit-button-type/)).toHaveLength(1);
    expect(about(/^control\/index\.html:1: control character U\+0007$/)).toHaveLength(1);
    expect(about(/^control\/index\.html:1: control character U\+0085$/)).toHaveLength(1);
    expect(about(/^control\/index\.html:1: reference &#x1b; to a control character$/)).toHaveLength(1);
    expect(about(/^json-ld\/index\.html: JSON-LD block 1 holds a raw "<"$/)).toHaveLength(1);
    expect(about(/^json-ld\/index\.html: JSON-LD block 2 is not JSON/)).toHaveLength(1);
    expect(about(/^latin1\/index\.html: not UTF-8$/)).toHaveLength(1);
    expect(about(/^broken\.xml:1: not well-formed XML/)).toHaveLength(1);
    expect(about(/^chars\.xml:1: U\+FFFE is not an XML 1\.0 character$/)).toHaveLength(1);
    expect(about(/^chars\.xml:1: reference &#x1; is not an XML 1\.0 character$/)).toHaveLength(1);
    expect(about(/^chars\.xml: "\]\]>" outside a CDATA section$/)).toHaveLength(1);
    expect(
      about(/^rss\.xml: URL is not ASCII/)
        .map((p) => p.replace(/^.*: /, ''))
        .sort(),
    ).toEqual(
      [
        'https://example.org/博客/',
        'https://example.org/图.png',
        'https://example.org/链接',
        'https://example.org/小.png',
      ].sort(),
    );
    expect(about(/^sitemap-0\.xml: URL is not ASCII: https:\/\/example\.org\/posts\/危险\/$/)).toHaveLength(1);
  });
});
