/**
 * npm run build [-- --out DIR]: builds the whole site atomically.
 *
 * 1. `astro build` (in a process of its own: scripts/lib/astro-build-process.ts)
 *    into a temporary sibling of the output folder;
 * 2. the Pagefind index into <tmp>/pagefind and, while Pagefind writes its files,
 *    checks over the built HTML (in a thread of their own);
 * 3. only then the temporary folder replaces the output folder.
 * A failure at any step removes the temporary folder and leaves the previous
 * output untouched, so a broken build can never be deployed.
 *
 * BLOG_CONTENT_DIR picks the posts folder (see src/site.config.ts).
 */
import { existsSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runAstroBuild } from './lib/astro-build-process.ts';
import { withBuildLock } from './lib/build-lock.ts';
import { requireSupportedNode } from './lib/node-version.ts';
import { checkBuiltSiteInThread } from '../src/postbuild/output-checks-thread.ts';
import { writeSearchIndex } from '../src/postbuild/pagefind-index.ts';
import { readPostIndex } from '../src/content/post-index.ts';
import { site } from '../src/site.config.ts';
import { encodeSegment } from '../src/lib/urls.ts';

requireSupportedNode();
process.env['ASTRO_TELEMETRY_DISABLED'] = '1';
// A build is always a production build: drafts hidden. Astro lets process.env
// fill import.meta.env in server code, so inherited variables with the reserved
// names (vitest sets DEV=1, MODE=test, NODE_ENV=test) would make a build think
// it is a dev server.
process.env['NODE_ENV'] = 'production';
for (const reserved of ['DEV', 'PROD', 'MODE', 'SSR', 'BASE_URL', 'SITE', 'ASSETS_PREFIX'])
  delete process.env[reserved];

const root = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({ options: { out: { type: 'string', default: 'dist' } } });
const outDir = resolve(root, values.out);
const tmpDir = join(dirname(outDir), `.${basename(outDir)}-building-${process.pid}`);
const oldDir = join(dirname(outDir), `.${basename(outDir)}-previous-${process.pid}`);

async function main(): Promise<void> {
  const started = performance.now();
  await rm(tmpDir, { recursive: true, force: true });
  await withBuildLock(root, () => runAstroBuild(root, tmpDir));

  // This thread prepares the search documents while Pagefind indexes them in its own process;
  // once Pagefind has them all and only writing its files is left, the checks start in a
  // thread of their own beside it. (No page links into pagefind/, which is written last.)
  const posts = readPostIndex(root);
  const sourceOfPage = new Map(
    [...posts].map(([slug, post]) => [decodeURIComponent(`posts/${encodeSegment(slug)}/`), post.source]),
  );
  const indexStarted = performance.now();
  let checking: Promise<string[]> | undefined;
  const { pages } = await writeSearchIndex(tmpDir, () => {
    checking = checkBuiltSiteInThread(tmpDir, { base: site.base, origin: site.url, sourceOfPage });
    checking.catch(() => undefined);
  });
  console.log(`search index: ${pages} pages in ${((performance.now() - indexStarted) / 1000).toFixed(2)} s`);
  if (!checking) throw new Error('The output checks never started.');
  const problems = await checking;
  if (problems.length > 0)
    throw new Error(`The built site failed its checks:\n${problems.map((p) => `  - ${p}`).join('\n')}`);

  if (existsSync(outDir)) await rename(outDir, oldDir);
  await rename(tmpDir, outDir);
  await rm(oldDir, { recursive: true, force: true });
  console.log(`built ${values.out}/ in ${((performance.now() - started) / 1000).toFixed(2)} s`);
}

main().catch(async (error: unknown) => {
  await rm(tmpDir, { recursive: true, force: true });
  const message = error instanceof Error ? error.message : String(error);
  console.error(`\nBuild failed; ${values.out}/ was left as it was.\n${message}`);
  process.exitCode = 1;
});
