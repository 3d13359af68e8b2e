/**
 * Reproducible builds: two clean builds of the same corpus (math, code, MDX,
 * figures, drafts, a future-dated post, XML-hostile text, a post with
 * `updated`) into two different folders, with a different time zone, locale and
 * file modification times, and without Astro's cache, are byte-identical, the
 * Pagefind index included. The sitemap's lastmod comes from front matter.
 */
import { cpSync, readFileSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { XMLParser } from 'fast-xml-parser';
import { cacheDirFor } from '../../src/content/cache-dir.ts';
import { buildCorpusOrThrow, outputRoot, projectRoot } from '../helpers/build.ts';
import { auditSite } from '../helpers/output-audit.ts';
import { listFiles } from '../helpers/site.ts';

/** A corpus of its own (its own Astro cache, mtimes changed freely): three fixture corpora and one post written here. */
const corpus = join(outputRoot, 'reproducible-corpus');
const sites = { first: '', second: '' };

/** lastmod of each visible post: its `updated`, else its `date`, read in Asia/Shanghai (UTC+8). */
const LASTMOD: Record<string, string> = {
  'math-and-code': '2025-03-01T16:00:00.000Z',
  'mdx-post': '2025-02-19T16:00:00.000Z',
  '危险-字符': '2025-05-01T02:00:00.000Z',
  'math-post': '2025-03-31T16:00:00.000Z',
  'mdx-math': '2025-03-14T16:00:00.000Z',
  directives: '2025-05-18T16:00:00.000Z',
  revised: '2025-06-10T00:30:00.000Z',
};

function cleanBuild(name: string, env: Record<string, string>): string {
  rmSync(cacheDirFor(projectRoot, corpus)!, { recursive: true, force: true });
  rmSync(join(outputRoot, name), { recursive: true, force: true });
  return buildCorpusOrThrow(name, corpus, env);
}

/** Sets every file's and folder's times under `dir` to distinct values from `start` (seconds since 1970). */
function touchAll(dir: string, start: number): void {
  const entries = readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();
  entries.forEach((entry, index) => utimesSync(join(dir, entry), start + index * 3600, start + index * 7200));
  utimesSync(dir, start, start);
}

beforeAll(() => {
  rmSync(corpus, { recursive: true, force: true });
  // authoring/every-component is left out: its MDX imports a file, and the MDX import
  // policy refuses any import below a folder whose name starts with "." (tests/.output).
  for (const fixture of ['rich', 'feeds', 'authoring']) {
    cpSync(join(projectRoot, 'tests', 'fixtures', fixture), corpus, {
      recursive: true,
      filter: (source) => !source.includes('every-component'),
    });
  }
  writeFileSync(
    join(corpus, 'revised.md'),
    '---\ntitle: 修订过的文章\ndate: 2025-06-01\nupdated: 2025-06-10 08:30\ncategory: Python\ntags: [修订]\n---\n\n初稿之后又修订过一次的正文。\n',
  );
  touchAll(corpus, Date.UTC(2001, 0, 1) / 1000);
  sites.first = cleanBuild('reproducible-a', { TZ: 'UTC', LANG: 'C', LC_ALL: 'C' });
  touchAll(corpus, Date.UTC(2024, 6, 15) / 1000);
  sites.second = cleanBuild('reproducible-b', { TZ: 'Pacific/Kiritimati', LANG: 'zh_CN.UTF-8', LC_ALL: 'zh_CN.UTF-8' });
});

describe('two clean builds (other folder, time zone, locale and mtimes)', () => {
  it('have the same files', () => {
    const files = listFiles(sites.first);
    expect(files).toEqual(
      expect.arrayContaining(['index.html', 'sitemap-0.xml', 'rss.xml', 'pagefind/pagefind-entry.json']),
    );
    expect(files.some((file) => file.startsWith('pagefind/fragment/'))).toBe(true);
    expect(listFiles(sites.second)).toEqual(files);
  });

  it('are byte-identical, the search index included', () => {
    const differing = listFiles(sites.first).filter(
      (file) => !readFileSync(join(sites.first, file)).equals(readFileSync(join(sites.second, file))),
    );
    expect(differing).toEqual([]);
  });

  it('pass the output audit', () => {
    expect(auditSite(sites.first)).toEqual([]);
  });
});

describe('sitemap lastmod', () => {
  const parser = new XMLParser({ isArray: (name) => name === 'url' });
  const entries = () =>
    (
      parser.parse(readFileSync(join(sites.first, 'sitemap-0.xml'), 'utf8')) as {
        urlset: { url: { loc: string; lastmod?: string }[] };
      }
    ).urlset.url;

  it("is each post's updated, else its date, never a file time or the build time", () => {
    const posts: Record<string, string | undefined> = {};
    for (const { loc, lastmod } of entries()) {
      const slug = /\/posts\/([^/]+)\/$/.exec(new URL(loc).pathname)?.[1];
      if (slug !== undefined) posts[decodeURIComponent(slug)] = lastmod;
    }
    expect(posts).toEqual(LASTMOD);
  });

  it('is left out for pages that are not posts', () => {
    const others = entries().filter(({ loc }) => !/\/posts\/[^/]+\/$/.test(loc));
    expect(others.length).toBeGreaterThan(3);
    for (const { loc, lastmod } of others) expect(lastmod, loc).toBeUndefined();
  });
});
