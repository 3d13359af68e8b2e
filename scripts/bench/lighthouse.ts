/**
 * npm run bench:lighthouse [-- --site dist] [--runs 3] [--post SLUG ...] [--all-posts]
 *
 * Opt-in: Lighthouse (mobile preset, the pinned devDependency) with Debian's
 * chromium on the feed, a post with math and code (PCA, the heaviest; or each --post), and the
 * search page of a built site served on 127.0.0.1 the way a production host serves it; with
 * --all-posts, every post page. Lighthouse's simulated timings vary from run to run (they start
 * from an observed trace), so each page is audited --runs times and the medians of
 * the four category scores and of the paint timings are printed; the JSON report of
 * each page's last run is written next to the benchmark results.
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { CHROMIUM_PATH, serveSite } from '../../tests/helpers/browser.ts';
import { median } from './measure.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const { values } = parseArgs({
  options: {
    site: { type: 'string', default: 'dist' },
    runs: { type: 'string', default: '3' },
    post: { type: 'string', multiple: true },
    'all-posts': { type: 'boolean', default: false },
  },
});
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a whole number ≥ 1, not "${values.runs}"`);
const siteDir = resolve(root, values.site);
const posts = readdirSync(join(siteDir, 'posts')).sort();
const chosen = values['all-posts'] ? posts : (values.post ?? [posts.includes('pca') ? 'pca' : posts[0]!]);
for (const slug of chosen) if (!posts.includes(slug)) throw new Error(`no post "${slug}" in ${siteDir}/posts`);
const pages: Record<string, string> = { feed: '', search: `search/?q=${encodeURIComponent('梯度')}` };
for (const slug of chosen) pages[`post ${slug}`] = `posts/${slug}/`;
const outDir = join(root, 'node_modules', '.cache', 'blog-bench', 'lighthouse');
mkdirSync(outDir, { recursive: true });

// Served like a production host (gzip, long-lived caching of hashed assets).
const site = await serveSite(siteDir, '/', { production: true });
const chrome = await chromeLauncher.launch({
  chromePath: CHROMIUM_PATH,
  chromeFlags: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
    '--disable-sync',
  ],
});
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
const rows: string[] = [
  `| page (medians of ${runs}) | performance | accessibility | best practices | SEO | FCP | LCP | performance, each run |`,
  '| --- | --- | --- | --- | --- | --- | --- | --- |',
];
try {
  for (const [name, path] of Object.entries(pages)) {
    const scores: Record<string, number[]> = Object.fromEntries(CATEGORIES.map((id) => [id, []]));
    const fcp: number[] = [];
    const lcp: number[] = [];
    for (let run = 0; run < runs; run += 1) {
      const result = await lighthouse(`${site.url}${path}`, { port: chrome.port, output: 'json', logLevel: 'error' });
      if (!result) throw new Error(`Lighthouse returned nothing for ${path}`);
      writeFileSync(join(outDir, `${name.replace(/\W+/g, '-')}.json`), String(result.report));
      for (const id of CATEGORIES) scores[id]!.push(Math.round((result.lhr.categories[id]?.score ?? 0) * 100));
      fcp.push(result.lhr.audits['first-contentful-paint']?.numericValue ?? NaN);
      lcp.push(result.lhr.audits['largest-contentful-paint']?.numericValue ?? NaN);
    }
    const seconds = (ms: number[]) => `${(median(ms) / 1000).toFixed(1)} s`;
    rows.push(
      `| ${name} (/${path}) | ${CATEGORIES.map((id) => median(scores[id]!)).join(' | ')} | ${seconds(fcp)} | ${seconds(lcp)} | ` +
        `${scores['performance']!.join(', ')} |`,
    );
  }
} finally {
  await chrome.kill();
  await site.close();
}
console.log(rows.join('\n'));
console.log(`\nreports: ${outDir}`);
