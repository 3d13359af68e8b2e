/**
 * npm run bench -- --dev [--count N] [--runs 3] [--edits 5] [--baseline] [--json FILE]
 *
 * The preview's benchmark: what an author waits for with `npm run dev`.
 *   - ready: from the command to the dev server answering, with a cold cache (every
 *     cache removed) and with the cache of the run before (warm); then the first view
 *     of the feed and of a post page (each the first request of its page);
 *   - save → visible, polled in chromium over a live page (whatever the site does to
 *     show it: a reload or a swap): a paragraph added to a .md post and to an .mdx
 *     post, a formula changed, a code block changed, a front-matter change that moves
 *     the post to the top of the feed, a new post file, a deleted post file, an image
 *     replaced;
 *   - how many posts the loader rendered again per body edit (from the server's log);
 *   - resident memory of the dev server's process tree after the runs.
 * The corpus is a copy of the site's posts (default) or --count synthetic posts
 * (scripts/bench/generate-corpus.ts, every fifth .mdx), in the system's temporary
 * folder (Vite's watcher ignores node_modules/); edits go to the copy. With
 * --baseline the same steps run against the bare Astro 7 site of
 * ../shared/bench/bare-astro.sh (`astro dev`) on the same corpus, in the same run,
 * and the table gives the ratios. Figures are medians; JSON goes to
 * node_modules/.cache/blog-bench/.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../tests/helpers/browser.ts';
import { cacheDirFor } from '../../src/content/cache-dir.ts';
import { DEFAULT_CONTENT_DIR } from '../../src/site.config.ts';
import { writeCorpus } from './generate-corpus.ts';
import { median, treeRssKiB } from './measure.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const { values } = parseArgs({
  options: {
    dev: { type: 'boolean', default: true },
    count: { type: 'string' },
    runs: { type: 'string', default: '3' },
    edits: { type: 'string', default: '5' },
    seed: { type: 'string', default: '1' },
    'mdx-every': { type: 'string', default: '5' },
    baseline: { type: 'boolean', default: false },
    json: { type: 'string' },
    port: { type: 'string', default: '4399' },
  },
});
const runs = Number(values.runs);
const editRuns = Number(values.edits);
const synthetic = values.count !== undefined;
const work = join(root, 'node_modules', '.cache', 'blog-bench');
const variant = synthetic ? `dev-${values.count}` : 'dev-posts';
const jsonPath = resolve(values.json ?? join(work, `results-${variant}.json`));
const bareDir = resolve(process.env['BARE_ASTRO_DIR'] ?? '/tmp/bare-astro');
/** How long an edit may take to show before it counts as never shown. */
const VISIBLE_TIMEOUT_MS = 15_000;

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** One site under test: where its posts are and how its dev server is started. */
interface Subject {
  name: 'site' | 'bare';
  /** The folder the dev server reads posts from (edits go here). */
  posts: string;
  cwd: string;
  env: NodeJS.ProcessEnv;
  removeCaches(): void;
}

interface Target {
  /** Post file (relative to the posts folder) and its page. */
  file: string;
  path: string;
  /** An image of the post (relative to the posts folder), if it has one. */
  image?: string;
}

// ---------------------------------------------------------------- corpora

/** The site's posts copied (as folders), and the same posts flattened for the bare site. */
function realCorpus(dir: string, flat: string): void {
  rmSync(dir, { recursive: true, force: true });
  rmSync(flat, { recursive: true, force: true });
  cpSync(join(root, DEFAULT_CONTENT_DIR), dir, { recursive: true });
  mkdirSync(flat, { recursive: true });
  // bare-astro.sh takes a flat folder: <slug>.md, with each post's images beside it
  // (their names are unique across the site's posts, so relative paths still resolve).
  for (const slug of readdirSync(dir)) {
    for (const name of readdirSync(join(dir, slug))) {
      const target = /^index\.mdx?$/.test(name) ? `${slug}${name.slice(5)}` : name;
      cpSync(join(dir, slug, name), join(flat, target));
    }
  }
}

function targetsOf(posts: string, subject: Subject['name']): { md: Target; mdx?: Target } {
  const files = readdirSync(posts, { recursive: true, encoding: 'utf8' }).sort();
  const post = (file: string): Target => {
    const slug = file.includes('/') ? file.split('/')[0]! : file.replace(/\.mdx?$/, '');
    const folder = file.includes('/') ? file.split('/')[0]! : undefined;
    const image = folder
      ? readdirSync(join(posts, folder)).find((name) => /\.(svg|png|jpe?g)$/.test(name))
      : readdirSync(posts).find((name) => name.startsWith(`${slug}`) && /\.(svg|png|jpe?g)$/.test(name));
    return { file, path: `/posts/${slug}/`, ...(image ? { image: folder ? `${folder}/${image}` : image } : {}) };
  };
  if (!synthetic) {
    // The PCA post: the longest, most formula-heavy of the site's posts, with an image.
    const md = subject === 'site' ? 'pca/index.md' : 'pca.md';
    return { md: post(md) };
  }
  const md = files.filter((file) => file.endsWith('.md'));
  const mdx = files.filter((file) => file.endsWith('.mdx'));
  return {
    md: post(md[Math.floor(md.length / 2)]!),
    ...(mdx.length ? { mdx: post(mdx[Math.floor(mdx.length / 2)]!) } : {}),
  };
}

// ---------------------------------------------------------------- dev servers

interface Server {
  child: ChildProcess;
  url: string;
  log: () => string;
  stop(): Promise<void>;
}

function startServer(subject: Subject): Server {
  const port = values.port;
  const child = spawn(
    process.execPath,
    [join(subject.cwd, 'node_modules/astro/bin/astro.mjs'), 'dev', '--host', '127.0.0.1', '--port', port],
    {
      cwd: subject.cwd,
      env: { ...subject.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    },
  );
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return {
    child,
    url: `http://127.0.0.1:${port}`,
    log: () => output,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((done) => child.once('exit', done));
      process.kill(-child.pid!, 'SIGTERM');
      await Promise.race([exited, sleep(5000)]);
      if (child.exitCode === null) process.kill(-child.pid!, 'SIGKILL');
    },
  };
}

/** Milliseconds from now until `url` answers with a status below 500 (the server is listening and serving). */
async function untilAnswered(url: string, server: Server, timeoutMs = 300_000): Promise<number> {
  const started = performance.now();
  while (performance.now() - started < timeoutMs) {
    if (server.child.exitCode !== null) throw new Error(`dev server exited:\n${server.log().slice(-3000)}`);
    try {
      const response = await fetch(url);
      await response.arrayBuffer();
      if (response.status < 500) return performance.now() - started;
    } catch {
      // not listening yet
    }
    await sleep(25);
  }
  throw new Error(`${url} did not answer in ${timeoutMs} ms:\n${server.log().slice(-3000)}`);
}

/** Milliseconds of one GET (the page's first request renders it). */
async function timedGet(url: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(url);
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`${url}: HTTP ${response.status}`);
  return performance.now() - started;
}

interface ReadyFigures {
  readyMs: number;
  feedMs: number;
  postMs: number;
}

async function startMeasured(subject: Subject, target: Target): Promise<{ server: Server; figures: ReadyFigures }> {
  const started = performance.now();
  const server = startServer(subject);
  // The Vite client module is served as soon as the server listens, without rendering a page.
  await untilAnswered(`${server.url}/@vite/client`, server);
  const readyMs = performance.now() - started;
  const feedMs = await timedGet(`${server.url}/`);
  const postMs = await timedGet(`${server.url}${target.path}`);
  return { server, figures: { readyMs, feedMs, postMs } };
}

// ---------------------------------------------------------------- edits

/**
 * Milliseconds from `act()` until `visible` holds in the page. The page may reload
 * meanwhile (evaluate then fails or sees the old document): it is polled every 10 ms.
 */
async function saveToVisible(page: Page, act: () => void, visible: string, arg: unknown): Promise<number | undefined> {
  const check = new Function('arg', `return (${visible})(arg);`) as (arg: unknown) => boolean;
  const started = performance.now();
  act();
  while (performance.now() - started < VISIBLE_TIMEOUT_MS) {
    try {
      if (await page.evaluate(check, arg)) return performance.now() - started;
    } catch {
      // navigating: the next poll sees the new document
    }
    await sleep(10);
  }
  return undefined;
}

const hasText = `(token) => document.body !== null && document.body.textContent.includes(token)`;
const lacksText = `(token) => document.body !== null && document.readyState !== 'loading' && !document.body.textContent.includes(token)`;

interface Edit {
  name: string;
  /** Which open page shows it. */
  on: 'post' | 'mdx' | 'feed';
  /** Untimed preparation before the first timed run (e.g. add the formula that is then changed). */
  setup?: () => { visible: string; arg: unknown };
  /** The timed change of run n, and what shows it. */
  change: (n: number) => { act: () => void; visible: string; arg: unknown };
  /** Puts the file back (untimed); what shows that it is back. */
  restore: () => { act: () => void; visible: string; arg: unknown } | undefined;
}

function editsFor(subject: Subject, targets: { md: Target; mdx?: Target }): Edit[] {
  const file = (target: Target) => join(subject.posts, target.file);
  const original = new Map<string, string>();
  const read = (path: string) => {
    if (!original.has(path)) original.set(path, readFileSync(path, 'utf8'));
    return original.get(path)!;
  };
  const restoreFile = (path: string, token: string) => ({
    act: () => writeFileSync(path, original.get(path)!),
    visible: lacksText,
    arg: token,
  });
  const edits: Edit[] = [];
  const paragraph = (name: string, target: Target, on: Edit['on']): Edit => {
    const path = file(target);
    let token = '';
    return {
      name,
      on,
      change: (n) => {
        token = `预览基准段落${n}号`;
        return {
          act: () => writeFileSync(path, `${read(path)}\n\n${token}，这一段是保存之后新加的。\n`),
          visible: hasText,
          arg: token,
        };
      },
      restore: () => restoreFile(path, token),
    };
  };
  edits.push(paragraph('paragraph added (.md)', targets.md, 'post'));
  if (targets.mdx) edits.push(paragraph('paragraph added (.mdx)', targets.mdx, 'mdx'));

  // A formula and a code block are added once (untimed), then changed in each run.
  const changed = (name: string, block: (n: number) => string, shows: string): Edit => {
    const path = file(targets.md);
    const write = (n: number) => writeFileSync(path, `${read(path)}\n\n${block(n)}\n`);
    return {
      name,
      on: 'post',
      setup: () => {
        write(0);
        return { visible: shows, arg: 0 };
      },
      change: (n) => ({ act: () => write(n), visible: shows, arg: n }),
      restore: () => undefined,
    };
  };
  edits.push(
    changed(
      'formula changed',
      (n) => `$$\nf_{${1000 + n}}(x) = \\sum_{i=1}^{n} w_i x_i^2\n$$`,
      `(n) => [...document.querySelectorAll('annotation')].some((a) => a.textContent.includes('f_{' + (1000 + n) + '}'))`,
    ),
  );
  edits.push(
    changed(
      'code block changed',
      (n) => `\`\`\`python\nbench_value = ${2000 + n}\nprint(bench_value)\n\`\`\``,
      `(n) => [...document.querySelectorAll('pre')].some((pre) => pre.textContent.includes('bench_value = ' + (2000 + n)))`,
    ),
  );

  // Front matter: a new title and the newest date move the post to the top of the feed.
  const mdPath = file(targets.md);
  let titleToken = '';
  edits.push({
    name: 'front matter (title, date) moves the post',
    on: 'feed',
    change: (n) => {
      titleToken = `预览基准标题${n}号`;
      const text = read(mdPath)
        .replace(/^title:.*$/m, `title: ${titleToken}`)
        .replace(/^date:.*$/m, `date: 2030-01-0${n + 1}`);
      return { act: () => writeFileSync(mdPath, text), visible: hasText, arg: titleToken };
    },
    restore: () => restoreFile(mdPath, titleToken),
  });

  const newPost = (n: number) => join(subject.posts, `bench-new-${n}.md`);
  const newTitle = (n: number) => `预览基准新文章${n}号`;
  edits.push({
    name: 'new post file',
    on: 'feed',
    change: (n) => ({
      act: () =>
        writeFileSync(
          newPost(n),
          `---\ntitle: ${newTitle(n)}\ndate: 2030-02-0${n + 1}\ncategory: 机器学习\n---\n\n新文章的第一段，用来测预览。\n`,
        ),
      visible: hasText,
      arg: newTitle(n),
    }),
    restore: () => undefined,
  });
  let deleted = 0;
  edits.push({
    name: 'post file deleted',
    on: 'feed',
    change: (n) => {
      deleted = n;
      return { act: () => unlinkSync(newPost(n)), visible: lacksText, arg: newTitle(n) };
    },
    restore: () =>
      existsSync(newPost(deleted))
        ? { act: () => unlinkSync(newPost(deleted)), visible: lacksText, arg: newTitle(deleted) }
        : undefined,
  });

  if (targets.md.image?.endsWith('.svg')) {
    const imagePath = join(subject.posts, targets.md.image);
    const svg = (width: number) =>
      `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="200" viewBox="0 0 ${width} 200"><rect width="${width}" height="200" fill="#3b6fb6"/></svg>\n`;
    edits.push({
      name: 'image replaced',
      on: 'post',
      change: (n) => ({
        act: () => {
          read(imagePath);
          writeFileSync(imagePath, svg(400 + n));
        },
        visible: `(width) => [...document.querySelectorAll('img')].some((img) => img.complete && img.naturalWidth === width)`,
        arg: 400 + n,
      }),
      restore: () => undefined,
    });
  }
  // Every file edited above goes back to how it was after the runs (see restoreAll).
  restoreAll = () => {
    for (const [path, text] of original) writeFileSync(path, text);
  };
  return edits;
}
let restoreAll = () => {};

async function runEdits(subject: Subject, server: Server, browser: Browser, targets: { md: Target; mdx?: Target }) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const pages: Record<Edit['on'], Page | undefined> = { post: undefined, mdx: undefined, feed: undefined };
  const open = async (on: Edit['on']) => {
    if (pages[on]) return pages[on]!;
    const page = await context.newPage();
    const path = on === 'feed' ? '/' : on === 'mdx' ? targets.mdx!.path : targets.md.path;
    await page.goto(`${server.url}${path}`, { waitUntil: 'load' });
    pages[on] = page;
    return page;
  };
  const results: Record<string, (number | undefined)[]> = {};
  const renderedPerEdit: number[] = [];
  for (const edit of editsFor(subject, targets)) {
    const page = await open(edit.on);
    if (edit.setup) {
      const { visible, arg } = edit.setup();
      await saveToVisible(page, () => {}, visible, arg);
    }
    results[edit.name] = [];
    for (let n = 1; n <= editRuns; n++) {
      // Let the reload Astro sends after writing its data store (500 ms after a change) land
      // first, so that each edit is measured on a settled page.
      await sleep(1500);
      const before = server.log().length;
      const { act, visible, arg } = edit.change(n);
      const shown = await saveToVisible(page, act, visible, arg);
      results[edit.name]!.push(shown);
      if (shown === undefined)
        console.error(
          `${subject.name}: ${edit.name} (run ${n}) not shown in ${VISIBLE_TIMEOUT_MS} ms; server log so far:\n${server.log().slice(before).slice(-1500)}`,
        );
      await sleep(300);
      if (edit.on !== 'feed') renderedPerEdit.push(renderedCount(server.log().slice(before)));
      const back = edit.restore();
      if (back) await saveToVisible(page, back.act, back.visible, back.arg);
    }
  }
  restoreAll();
  await context.close();
  return { results, renderedPerEdit };
}

/** Posts the site's loader says it rendered again (its log line per re-rendered post). */
function renderedCount(log: string): number {
  return [...log.matchAll(/rendered again/g)].length;
}

// ---------------------------------------------------------------- main

interface SubjectResult {
  cold: ReadyFigures;
  warm: ReadyFigures;
  edits: Record<string, { medianMs: number | undefined; samples: (number | undefined)[] }>;
  renderedPerEdit: number | undefined;
  memoryMiB: number;
}

const medianOf = (values: readonly number[]) => (values.length ? median([...values]) : Number.NaN);

async function measureSubject(subject: Subject, browser: Browser): Promise<SubjectResult> {
  const targets = targetsOf(subject.posts, subject.name);
  const cold: ReadyFigures[] = [];
  const warm: ReadyFigures[] = [];
  let last: Server | undefined;
  for (let run = 1; run <= runs; run++) {
    subject.removeCaches();
    const first = await startMeasured(subject, targets.md);
    cold.push(first.figures);
    await first.server.stop();
    const second = await startMeasured(subject, targets.md);
    warm.push(second.figures);
    console.error(
      `${subject.name} run ${run}: ready cold ${first.figures.readyMs.toFixed(0)} ms (feed ${first.figures.feedMs.toFixed(0)}, post ${first.figures.postMs.toFixed(0)}), warm ${second.figures.readyMs.toFixed(0)} ms (feed ${second.figures.feedMs.toFixed(0)}, post ${second.figures.postMs.toFixed(0)})`,
    );
    if (run < runs) await second.server.stop();
    else last = second.server;
  }
  const { results, renderedPerEdit } = await runEdits(subject, last!, browser, targets);
  const memoryMiB = treeRssKiB(last!.child.pid!) / 1024;
  await last!.stop();
  // The server's log of the edits, to see what it did (the loader names each post it renders again).
  writeFileSync(join(work, `${variant}-${subject.name}-server.log`), last!.log());
  const summary = (key: keyof ReadyFigures, list: ReadyFigures[]) => medianOf(list.map((f) => f[key]));
  const figures = (list: ReadyFigures[]): ReadyFigures => ({
    readyMs: summary('readyMs', list),
    feedMs: summary('feedMs', list),
    postMs: summary('postMs', list),
  });
  const edits: SubjectResult['edits'] = {};
  for (const [name, samples] of Object.entries(results)) {
    const seen = samples.filter((s): s is number => s !== undefined);
    // An edit that did not show within the time limit in most runs has no median.
    edits[name] = {
      medianMs: seen.length * 2 > samples.length ? median([...samples.map((s) => s ?? Infinity)]) : undefined,
      samples,
    };
    console.error(
      `${subject.name}: ${name}: ${samples.map((s) => (s === undefined ? 'not shown' : s.toFixed(0))).join(', ')} ms`,
    );
  }
  return {
    cold: figures(cold),
    warm: figures(warm),
    edits,
    renderedPerEdit: subject.name === 'site' ? medianOf(renderedPerEdit) : undefined,
    memoryMiB,
  };
}

function removeSiteCaches(posts: string): void {
  for (const dir of ['.astro', 'node_modules/.astro', 'node_modules/.vite'])
    rmSync(join(root, dir), { recursive: true, force: true });
  const cache = join(root, 'node_modules', '.cache');
  if (existsSync(cache))
    for (const name of readdirSync(cache))
      if (name !== 'blog-bench') rmSync(join(cache, name), { recursive: true, force: true });
  const corpusCache = cacheDirFor(root, posts);
  if (corpusCache) rmSync(corpusCache, { recursive: true, force: true });
}

/** Sets up the bare site on the flat corpus (bare-astro.sh with no build runs). */
async function prepareBare(flat: string): Promise<void> {
  const script = resolve(root, '..', 'shared', 'bench', 'bare-astro.sh');
  await new Promise<void>((done, fail) => {
    const child = spawn('bash', [script, flat, '0'], {
      env: { ...process.env, BARE_ASTRO_DIR: bareDir },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    child.on('close', (status) => (status === 0 ? done() : fail(new Error(`bare-astro.sh exited with ${status}`))));
  });
  // bare-astro.sh copies only the posts; the images they show go beside them too.
  for (const name of readdirSync(flat)) {
    if (!/\.mdx?$/.test(name)) cpSync(join(flat, name), join(bareDir, 'src', 'content', 'posts', name));
  }
}

async function main(): Promise<void> {
  mkdirSync(work, { recursive: true });
  // Outside node_modules/, which Vite's file watcher ignores.
  const corpus = join(tmpdir(), 'ml-notes-blog-bench', `corpus-${variant}`);
  const flat = join(tmpdir(), 'ml-notes-blog-bench', `corpus-${variant}-flat`);
  if (synthetic) {
    rmSync(corpus, { recursive: true, force: true });
    await writeCorpus(corpus, Number(values.count), Number(values.seed), Number(values['mdx-every']));
  } else {
    realCorpus(corpus, flat);
  }
  const count = readdirSync(corpus).filter((name) => !/\.(svg|png|jpe?g)$/.test(name)).length;
  const subjects: Subject[] = [
    {
      name: 'site',
      posts: corpus,
      cwd: root,
      env: { ...process.env, BLOG_CONTENT_DIR: corpus },
      removeCaches: () => removeSiteCaches(corpus),
    },
  ];
  if (values.baseline) {
    await prepareBare(synthetic ? corpus : flat);
    subjects.push({
      name: 'bare',
      posts: join(bareDir, 'src', 'content', 'posts'),
      cwd: bareDir,
      env: { ...process.env },
      removeCaches: () => {
        for (const dir of ['.astro', 'node_modules/.astro', 'node_modules/.vite'])
          rmSync(join(bareDir, dir), { recursive: true, force: true });
      },
    });
  }
  const browser = await launchChromium();
  const results: Record<string, SubjectResult> = {};
  try {
    for (const subject of subjects) results[subject.name] = await measureSubject(subject, browser);
  } finally {
    await browser.close();
    restoreAll();
  }
  const out = { count, synthetic, runs, editRuns, node: process.versions.node, results };
  mkdirSync(resolve(jsonPath, '..'), { recursive: true });
  writeFileSync(jsonPath, `${JSON.stringify(out, null, 2)}\n`);

  const site = results['site']!;
  const bare = results['bare'];
  const ms = (value: number | undefined) =>
    value === undefined || Number.isNaN(value) ? '—' : `${Math.round(value)} ms`;
  const ratio = (ours: number | undefined, theirs: number | undefined) =>
    ours === undefined || theirs === undefined || Number.isNaN(ours) || Number.isNaN(theirs)
      ? '—'
      : `${(theirs / ours).toFixed(2)}×`;
  const rows: [string, number | undefined, number | undefined][] = [
    ['ready, cold cache', site.cold.readyMs, bare?.cold.readyMs],
    ['first view of the feed, cold', site.cold.feedMs, bare?.cold.feedMs],
    ['first view of a post, cold', site.cold.postMs, bare?.cold.postMs],
    ['ready, warm cache', site.warm.readyMs, bare?.warm.readyMs],
    ['first view of the feed, warm', site.warm.feedMs, bare?.warm.feedMs],
    ['first view of a post, warm', site.warm.postMs, bare?.warm.postMs],
    ...Object.entries(site.edits).map(([name, edit]): [string, number | undefined, number | undefined] => [
      `save → visible: ${name}`,
      edit.medianMs,
      bare?.edits[name]?.medianMs,
    ]),
  ];
  const header = bare
    ? '| measure | this site | bare Astro | bare ÷ this site |\n| --- | --- | --- | --- |'
    : '| measure | this site |\n| --- | --- |';
  const lines = rows.map(([name, ours, theirs]) =>
    bare ? `| ${name} | ${ms(ours)} | ${ms(theirs)} | ${ratio(ours, theirs)} |` : `| ${name} | ${ms(ours)} |`,
  );
  const memory = bare
    ? `| dev server memory after the runs | ${site.memoryMiB.toFixed(0)} MiB | ${bare.memoryMiB.toFixed(0)} MiB | |`
    : `| dev server memory after the runs | ${site.memoryMiB.toFixed(0)} MiB |`;
  console.log(
    `${count} posts${synthetic ? ' (synthetic)' : " (the site's own)"}, medians of ${runs} starts and ${editRuns} edits each\n`,
  );
  console.log([header, ...lines, memory].join('\n'));
  console.log(`\nposts rendered again per body edit (the loader's log): ${site.renderedPerEdit ?? '—'}`);
  console.log(`JSON: ${jsonPath}`);
}

await main();
