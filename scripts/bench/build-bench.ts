/**
 * npm run bench [-- --count 1000 --runs 3 --mdx-every 5 --baseline --json FILE --keep]
 *
 * Builds a synthetic corpus (scripts/bench/generate-corpus.ts) through the real
 * configuration (BLOG_CONTENT_DIR) and reports medians over --runs:
 *   clean build (no cache of any kind), rebuild with no change, rebuild after
 *   editing one post; ms per post; peak memory of the whole process tree;
 *   dist/ size; Pagefind time and index size; the weight of the feed and of a
 *   post page (HTML, CSS, JS, fonts; raw and gzip); a first search's bytes and time.
 * With --baseline, the same corpus is also built by ../shared/bench/bare-astro.sh
 * (bare Astro 7 + unified + KaTeX + Shiki + Pagefind) in the same run, for ratios.
 * Prints a Markdown table and writes JSON (default node_modules/.cache/blog-bench/).
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { cacheDirFor } from '../../src/content/cache-dir.ts';
import { writeCorpus } from './generate-corpus.ts';
import { measure, median, type Measured } from './measure.ts';
import { measureFirstSearch, measurePageWeights } from './page-weight.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '1000' },
    runs: { type: 'string', default: '3' },
    seed: { type: 'string', default: '1' },
    // Every K-th post is .mdx (1: all of them; 0: none).
    'mdx-every': { type: 'string', default: '5' },
    baseline: { type: 'boolean', default: false },
    json: { type: 'string' },
    keep: { type: 'boolean', default: false },
  },
});
const count = Number(values.count);
const runs = Number(values.runs);
const work = join(root, 'node_modules', '.cache', 'blog-bench');
const mdxEvery = Number(values['mdx-every']);
const variant = mdxEvery === 5 ? `${count}` : `${count}-mdx${mdxEvery}`;
const corpus = join(work, `corpus-${variant}`);
const outDir = join(work, `site-${variant}`);
const jsonPath = resolve(values.json ?? join(work, `results-${variant}.json`));

function dirSize(dir: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    bytes += statSync(join(entry.parentPath, entry.name)).size;
    files += 1;
  }
  return { bytes, files };
}

/** Removes every cache a build could reuse: Astro's, Vite's, ours. */
function removeCaches(): void {
  for (const dir of ['.astro', 'node_modules/.astro', 'node_modules/.vite'])
    rmSync(join(root, dir), { recursive: true, force: true });
  const cache = join(root, 'node_modules', '.cache');
  if (existsSync(cache)) {
    for (const name of readdirSync(cache))
      if (name !== 'blog-bench') rmSync(join(cache, name), { recursive: true, force: true });
  }
  const corpusCache = cacheDirFor(root, corpus);
  if (corpusCache) rmSync(corpusCache, { recursive: true, force: true });
}

async function build(): Promise<Measured> {
  const result = await measure(process.execPath, ['scripts/build.ts', '--out', outDir], {
    cwd: root,
    env: { ...process.env, BLOG_CONTENT_DIR: corpus, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  if (result.status !== 0) throw new Error(`build failed:\n${result.output.slice(-4000)}`);
  return result;
}

const pagefindSeconds = (output: string) =>
  Number(/search index: \d+ pages in ([\d.]+) s/.exec(output)?.[1] ?? Number.NaN);

async function main(): Promise<void> {
  mkdirSync(work, { recursive: true });
  console.error(`generating ${count} posts in ${corpus}`);
  await writeCorpus(corpus, count, Number(values.seed), mdxEvery);
  const editTarget = join(corpus, readdirSync(corpus).sort()[Math.floor(count / 2)]!);
  const original = readFileSync(editTarget, 'utf8');

  const clean: Measured[] = [];
  const noChange: Measured[] = [];
  const oneEdit: Measured[] = [];
  for (let run = 1; run <= runs; run++) {
    removeCaches();
    rmSync(outDir, { recursive: true, force: true });
    clean.push(await build());
    noChange.push(await build());
    writeFileSync(editTarget, `${original}\n\n编辑后追加的一段话，第 ${run} 次。\n`);
    oneEdit.push(await build());
    writeFileSync(editTarget, original);
    console.error(
      `run ${run}: clean ${clean.at(-1)!.seconds.toFixed(2)} s, no change ${noChange.at(-1)!.seconds.toFixed(2)} s, one edit ${oneEdit.at(-1)!.seconds.toFixed(2)} s, peak ${clean.at(-1)!.peakMiB.toFixed(0)} MiB`,
    );
  }
  // The site as the last clean build produced it, for sizes and page weights.
  removeCaches();
  await build();

  let baseline: { seconds: number; peakMiB: number } | undefined;
  if (values.baseline) {
    const script = resolve(root, '..', 'shared', 'bench', 'bare-astro.sh');
    const bare: Measured[] = [];
    for (let run = 1; run <= runs; run++)
      bare.push(await measure('bash', [script, corpus, '1'], { cwd: root, env: process.env }));
    const seconds = bare.map((m) => Number(/wall ([\d.]+) s/.exec(m.output)?.[1] ?? Number.NaN));
    baseline = { seconds: median(seconds), peakMiB: median(bare.map((m) => m.peakMiB)) };
    console.error(`baseline (bare Astro): ${seconds.map((s) => s.toFixed(2)).join(', ')} s`);
  }

  const postPath = `posts/${readdirSync(corpus)
    .sort()[0]!
    .replace(/\.mdx?$/, '')}/`;
  const weights = await measurePageWeights(outDir, ['/', postPath]);
  const search = await measureFirstSearch(outDir, '收敛速度');
  const dist = dirSize(outDir);
  const index = dirSize(join(outDir, 'pagefind'));

  const results = {
    count,
    mdxEvery,
    runs,
    node: process.versions.node,
    cleanSeconds: median(clean.map((m) => m.seconds)),
    noChangeSeconds: median(noChange.map((m) => m.seconds)),
    oneEditSeconds: median(oneEdit.map((m) => m.seconds)),
    msPerPost: (median(clean.map((m) => m.seconds)) * 1000) / count,
    peakMiB: median(clean.map((m) => m.peakMiB)),
    pagefindSeconds: median(clean.map((m) => pagefindSeconds(m.output))),
    dist,
    pagefindIndex: index,
    weights,
    search,
    baseline,
    speedup: baseline ? baseline.seconds / median(clean.map((m) => m.seconds)) : undefined,
    samples: {
      clean: clean.map((m) => m.seconds),
      noChange: noChange.map((m) => m.seconds),
      oneEdit: oneEdit.map((m) => m.seconds),
      peakMiB: clean.map((m) => m.peakMiB),
    },
  };
  mkdirSync(resolve(jsonPath, '..'), { recursive: true });
  writeFileSync(jsonPath, `${JSON.stringify(results, null, 2)}\n`);

  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  const rows: [string, string][] = [
    ['posts', `${count} (${mdxEvery === 0 ? 'no' : mdxEvery === 1 ? 'all' : `every ${mdxEvery}th`} .mdx)`],
    ['clean build (median)', `${results.cleanSeconds.toFixed(2)} s`],
    ['rebuild, no change', `${results.noChangeSeconds.toFixed(2)} s`],
    ['rebuild, one post edited', `${results.oneEditSeconds.toFixed(2)} s`],
    ['per post (clean)', `${results.msPerPost.toFixed(2)} ms`],
    ['peak memory (process tree)', `${results.peakMiB.toFixed(0)} MiB`],
    ['Pagefind', `${results.pagefindSeconds.toFixed(2)} s; index ${kb(index.bytes)} in ${index.files} files`],
    ['dist/', `${(dist.bytes / 1048576).toFixed(1)} MB in ${dist.files} files`],
  ];
  for (const [path, weight] of Object.entries(weights)) {
    rows.push([
      `page ${path} (gzip)`,
      `HTML ${kb(weight.html.gzip)} · CSS ${kb(weight.css.gzip)} · JS ${kb(weight.js.gzip)} · fonts ${kb(weight.font.gzip)} · total ${kb(weight.total.gzip)} (raw ${kb(weight.total.raw)})`,
    ]);
  }
  rows.push([
    'first search',
    `${kb(search.bytes)} in ${search.requests} requests, ${search.msToFirstResult} ms to first result (incl. 150 ms input debounce)`,
  ]);
  if (baseline) {
    rows.push([
      'bare Astro baseline (same corpus, same run)',
      `${baseline.seconds.toFixed(2)} s, peak ${baseline.peakMiB.toFixed(0)} MiB`,
    ]);
    rows.push(['speed-up vs baseline', `${results.speedup!.toFixed(2)}×`]);
  }
  console.log(['| measure | value |', '| --- | --- |', ...rows.map(([k, v]) => `| ${k} | ${v} |`)].join('\n'));
  console.log(`\nJSON: ${jsonPath}`);
  if (!values.keep) rmSync(outDir, { recursive: true, force: true });
}

await main();
