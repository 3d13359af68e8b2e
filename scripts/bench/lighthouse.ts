/**
 * npm run bench:lighthouse [-- --site dist]
 *
 * Opt-in: Lighthouse (mobile preset, the pinned devDependency) with Debian's
 * chromium on the feed, a post with math and code, and the search page of a
 * built site served on 127.0.0.1 the way a production host serves it. Prints the four category scores per page and
 * writes the JSON reports next to the benchmark results.
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { CHROMIUM_PATH, serveSite } from '../../tests/helpers/browser.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const { values } = parseArgs({ options: { site: { type: 'string', default: 'dist' } } });
const siteDir = resolve(root, values.site);
const posts = readdirSync(join(siteDir, 'posts')).sort();
const post = posts.includes('pca') ? 'pca' : posts[0];
const pages = { feed: '', post: `posts/${post}/`, search: `search/?q=${encodeURIComponent('梯度')}` };
const outDir = join(root, 'node_modules', '.cache', 'blog-bench', 'lighthouse');
mkdirSync(outDir, { recursive: true });

// Served like a production host (gzip, long-lived caching of hashed assets).
const site = await serveSite(siteDir, '/', { production: true });
const chrome = await chromeLauncher.launch({
  chromePath: CHROMIUM_PATH,
  chromeFlags: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
});
const rows: string[] = ['| page | performance | accessibility | best practices | SEO |', '| --- | --- | --- | --- | --- |'];
try {
  for (const [name, path] of Object.entries(pages)) {
    const result = await lighthouse(`${site.url}${path}`, { port: chrome.port, output: 'json', logLevel: 'error' });
    if (!result) throw new Error(`Lighthouse returned nothing for ${path}`);
    writeFileSync(join(outDir, `${name}.json`), String(result.report));
    const score = (id: string) => Math.round((result.lhr.categories[id]?.score ?? 0) * 100);
    rows.push(`| ${name} (/${path}) | ${score('performance')} | ${score('accessibility')} | ${score('best-practices')} | ${score('seo')} |`);
  }
} finally {
  await chrome.kill();
  await site.close();
}
console.log(rows.join('\n'));
console.log(`\nreports: ${outDir}`);
