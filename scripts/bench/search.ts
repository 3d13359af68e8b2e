/**
 * npm run bench:search [-- --site DIR] [--queries FILE ...] [--no-browser] [--baseline-index]
 *                       [--cost [--compare-site DIR] [--no-quality]]
 *                       [--runs 5] [--query Q] [--json FILE]
 *
 * Search quality: builds the site (or takes --site, an already built one), runs each
 * query set (default tests/fixtures/search/queries.json; --queries may be given more
 * than once, e.g. a set over another corpus built with --site) against the built index
 * through Pagefind's JS API in Node and through the search page in chromium, and prints
 * top-1, top-3, MRR and the misses. Also checks that Node's and chromium's
 * Intl.Segmenter cut the queries and the indexed text into the same words. With
 * --baseline-index, each set also runs against an index written the way it was before
 * (Pagefind's addDirectory, its own Chinese segmentation), queries as typed.
 *
 * With --cost: what a first search on a post page costs in chromium (bytes fetched
 * after the dialog opens, ms from the last keystroke to the first result, cold and
 * warm; medians of --runs) and the time to write the index, against Pagefind's
 * addDirectory over the same HTML (how the site was indexed before), in the same run.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import * as pagefind from 'pagefind';
import { launchChromium, serveSite } from '../../tests/helpers/browser.ts';
import { formatScore, rankInBrowser, rankInNode, readQuerySet, score, type Score } from './search-quality.ts';
import { median } from './measure.ts';
import { writeSearchIndex } from '../../src/postbuild/pagefind-index.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const { values } = parseArgs({
  options: {
    site: { type: 'string' },
    queries: { type: 'string', multiple: true },
    'no-browser': { type: 'boolean', default: false },
    // Only --cost (a synthetic corpus has no query set).
    'no-quality': { type: 'boolean', default: false },
    cost: { type: 'boolean', default: false },
    runs: { type: 'string', default: '5' },
    query: { type: 'string', default: '分布式训练' },
    json: { type: 'string' },
    // With --cost: the same first-search measurement on another build (e.g. of the previous commit), in the same run.
    'compare-site': { type: 'string' },
    // Also run each set in Node against an index Pagefind's addDirectory writes over the same pages, queries as typed.
    'baseline-index': { type: 'boolean', default: false },
  },
});

function siteDir(): string {
  if (values.site) return resolve(values.site);
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
  return join(root, 'dist');
}

/** Visible text of each built post page (what the segmenter sees at index time), for the agreement check. */
function postTexts(site: string): string[] {
  const dir = join(site, 'posts');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .slice(0, 50)
    .map((slug) => join(dir, slug, 'index.html'))
    .filter((file) => existsSync(file))
    .map((file) =>
      readFileSync(file, 'utf8').replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>|<[^>]+>/g, ' '),
    );
}

interface Cost {
  bytes: number;
  requests: number;
  coldMs: number;
  warmMs: number;
}

/** A reader on a post page opens the dialog and types: bytes fetched from then on, and the wait for the first result. */
async function firstSearchCost(site: string, query: string, runs: number): Promise<Cost[]> {
  const served = await serveSite(site);
  const browser = await launchChromium();
  const post = readdirSync(join(site, 'posts')).sort()[0]!;
  const costs: Cost[] = [];
  try {
    for (let run = 0; run < runs; run++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${served.url}posts/${post}/`, { waitUntil: 'networkidle' });
      let bytes = 0;
      let requests = 0;
      const bodies: Promise<void>[] = [];
      page.on('response', (response) => {
        requests += 1;
        bodies.push(
          response.body().then(
            (body) => void (bytes += body.length),
            () => undefined,
          ),
        );
      });
      await page.locator('[data-search-trigger]').first().click();
      const input = page.locator('#search-dialog-input');
      await input.waitFor();
      // Both ends are taken in the page: the input event of the query's last character, and
      // the moment its results are in the list (a round trip to the page would add to each).
      const timeToResults = async (q: string): Promise<number> => {
        await input.fill('');
        await page.evaluate((q) => {
          const box = document.querySelector<HTMLInputElement>('#search-dialog-input')!;
          const status = document.querySelector('#search-dialog [data-search-status]')!;
          const results = document.querySelector('#search-dialog [data-search-results]')!;
          const clock = window as unknown as { typedAt?: number; shownAt?: number };
          delete clock.typedAt;
          delete clock.shownAt;
          box.addEventListener('input', () => {
            if (box.value === q) clock.typedAt = performance.now();
          });
          const observer = new MutationObserver(() => {
            if (clock.typedAt === undefined || box.value !== q) return;
            const text = status.textContent ?? '';
            // Results listed, or the answer that there are none.
            if ((/找到/.test(text) && results.querySelector('a') !== null) || /没有/.test(text)) {
              clock.shownAt = performance.now();
              observer.disconnect();
            }
          });
          observer.observe(document.body, { subtree: true, childList: true, characterData: true });
        }, q);
        await input.pressSequentially(q);
        await page.waitForFunction(() => (window as unknown as { shownAt?: number }).shownAt !== undefined, undefined, {
          timeout: 30_000,
        });
        return page.evaluate(() => {
          const clock = window as unknown as { typedAt: number; shownAt: number };
          return clock.shownAt - clock.typedAt;
        });
      };
      const coldMs = await timeToResults(query);
      await Promise.all(bodies);
      const measuredBytes = bytes;
      const measuredRequests = requests;
      const warmMs = await timeToResults('反向传播');
      costs.push({ bytes: measuredBytes, requests: measuredRequests, coldMs, warmMs });
      await context.close();
    }
  } finally {
    await browser.close();
    await served.close();
  }
  return costs;
}

/** A copy of the site indexed the way it was before: Pagefind's addDirectory over the built pages. */
async function baselineIndexCopy(site: string, work: string): Promise<string> {
  const copy = join(work, 'baseline-site');
  cpSync(site, copy, { recursive: true, filter: (source) => !source.startsWith(join(site, 'pagefind')) });
  const { index } = await pagefind.createIndex({ excludeSelectors: ['.katex'] });
  await index!.addDirectory({ path: copy, glob: 'posts/**/*.html' });
  await index!.writeFiles({ outputPath: join(copy, 'pagefind') });
  await pagefind.close();
  return copy;
}

/** Seconds to write the index: this build's way, and Pagefind's addDirectory over the same pages. */
async function indexTimes(site: string, runs: number): Promise<{ ours: number[]; addDirectory: number[] }> {
  const work = mkdtempSync(join(tmpdir(), 'search-bench-'));
  const ours: number[] = [];
  const addDirectory: number[] = [];
  try {
    const copy = join(work, 'site');
    cpSync(site, copy, { recursive: true, filter: (source) => !source.startsWith(join(site, 'pagefind')) });
    for (let run = 0; run < runs; run++) {
      rmSync(join(copy, 'pagefind'), { recursive: true, force: true });
      let started = performance.now();
      await writeSearchIndex(copy);
      ours.push((performance.now() - started) / 1000);
      rmSync(join(copy, 'pagefind'), { recursive: true, force: true });
      started = performance.now();
      const { index } = await pagefind.createIndex({ excludeSelectors: ['.katex'] });
      await index!.addDirectory({ path: copy, glob: 'posts/**/*.html' });
      await index!.writeFiles({ outputPath: join(copy, 'pagefind') });
      await pagefind.close();
      addDirectory.push((performance.now() - started) / 1000);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return { ours, addDirectory };
}

async function main(): Promise<void> {
  const site = siteDir();
  const files = values['no-quality'] ? [] : (values.queries ?? [join(root, 'tests/fixtures/search/queries.json')]);
  const sets = files.map((file) => ({ file, set: readQuerySet(resolve(file)) }));
  const scores: Score[] = [];
  const browser = values['no-browser'] ? undefined : await launchChromium();
  const report: Record<string, unknown> = { site };
  try {
    for (const { file, set } of sets) {
      console.log(`\n## ${file} (${set.queries.length} queries, ${set.none?.length ?? 0} that must find nothing)`);
      if (values['baseline-index']) {
        const work = mkdtempSync(join(tmpdir(), 'search-baseline-'));
        try {
          const before = score(
            'node, addDirectory index, query as typed',
            set,
            await rankInNode(await baselineIndexCopy(site, work), set, {}, true),
          );
          console.log(formatScore(before));
          scores.push(before);
        } finally {
          rmSync(work, { recursive: true, force: true });
        }
      }
      const node = score('node', set, await rankInNode(site, set));
      console.log(formatScore(node));
      scores.push(node);
      if (browser) {
        const chromium = score('chromium', set, await rankInBrowser(browser, site, set));
        console.log(formatScore(chromium));
        scores.push(chromium);
      }
    }
    if (browser && sets.length > 0) {
      // The same ICU word segmentation in Node and in chromium, on the Chinese of the queries and of
      // the indexed text: the search segmenter asks ICU about runs of Chinese only (its glossary step
      // is plain JavaScript, and text without Chinese never reaches ICU).
      const icu = new Intl.Segmenter('zh', { granularity: 'word' });
      const inNode = (text: string) =>
        [...icu.segment(text)]
          .filter((s) => s.isWordLike)
          .map((s) => s.segment)
          .join('|');
      const chinese = (text: string) => (text.match(/\p{Script=Han}+/gu) ?? []).join('\n');
      const texts = [...sets.flatMap(({ set }) => set.queries.map((item) => item.q)), ...postTexts(site)].map(chinese);
      const page = await browser.newPage();
      const inBrowser = await page.evaluate((texts) => {
        const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
        return texts.map((text) =>
          [...segmenter.segment(text)]
            .filter((s) => s.isWordLike)
            .map((s) => s.segment)
            .join('|'),
        );
      }, texts);
      await page.close();
      const disagree = texts.filter((text, i) => inNode(text) !== inBrowser[i]);
      console.log(`\nsegmentation: Node and chromium agree on ${texts.length - disagree.length}/${texts.length} texts`);
      for (const text of disagree.slice(0, 5)) console.log(`  differs: ${text.slice(0, 60)}`);
      report['segmentationDisagreements'] = disagree.length;
    }
  } finally {
    await browser?.close();
  }
  report['scores'] = scores.map(({ results: _results, ...rest }) => rest);

  if (values.cost) {
    const runs = Number(values.runs);
    const costs = await firstSearchCost(site, values.query, runs);
    const times = await indexTimes(site, runs);
    const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
    console.log(`\nfirst search on a post page ("${values.query}", ${runs} runs, medians):`);
    console.log(
      `  fetched after opening the dialog: ${kb(median(costs.map((c) => c.bytes)))} in ${median(costs.map((c) => c.requests))} requests (uncompressed)`,
    );
    console.log(
      `  last keystroke → first result: cold ${median(costs.map((c) => c.coldMs)).toFixed(0)} ms, warm ${median(costs.map((c) => c.warmMs)).toFixed(0)} ms (incl. the input debounce)`,
    );
    const ours = median(times.ours);
    const theirs = median(times.addDirectory);
    console.log(
      `  index: ${ours.toFixed(2)} s; Pagefind addDirectory over the same pages ${theirs.toFixed(2)} s (ratio ${(ours / theirs).toFixed(2)})`,
    );
    report['cost'] = { costs, indexSeconds: times };
    if (values['compare-site']) {
      const other = await firstSearchCost(resolve(values['compare-site']), values.query, runs);
      console.log(
        `  ${values['compare-site']}: ${kb(median(other.map((c) => c.bytes)))} in ${median(other.map((c) => c.requests))} requests; ` +
          `cold ${median(other.map((c) => c.coldMs)).toFixed(0)} ms, warm ${median(other.map((c) => c.warmMs)).toFixed(0)} ms`,
      );
      report['compareCost'] = other;
    }
  }
  if (values.json) writeFileSync(resolve(values.json), `${JSON.stringify(report, null, 2)}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
