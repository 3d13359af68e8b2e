/**
 * The preview an author writes against (`astro dev` on a copy of
 * tests/fixtures/dev-preview), in chromium: a saved paragraph reaches the open page
 * without a manual reload; a content error (a broken formula, broken front matter)
 * shows on the page with the file, the line and the message, the server keeps
 * running, and the next good save clears it. The loader renders only the saved post
 * again, and says so. Search answers from the posts as saved: a new post is found, a
 * deleted one no longer. No timings are asserted here (see `npm run bench -- --dev`).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/browser.ts';
import { projectRoot } from '../helpers/build.ts';

// Outside the project: the dev server does not watch tests/.output/ (astro.config.mjs).
const CONTENT = join(tmpdir(), `ml-notes-dev-preview-${process.pid}`);
const POST = join(CONTENT, 'edited.md');
const PORT = 4411;
const URL_ = `http://127.0.0.1:${PORT}`;

let server: ChildProcess;
let log = '';
let browser: Browser;
let page: Page;
let original = '';

async function answered(url: string, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (server.exitCode !== null) throw new Error(`dev server exited:\n${log}`);
    try {
      const response = await fetch(url);
      await response.arrayBuffer();
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((done) => setTimeout(done, 200));
  }
  throw new Error(`${url} did not answer:\n${log}`);
}

/** Text of the error overlay (its content is in a shadow root), or '' when none shows. */
const overlayText = () =>
  page.evaluate(() => {
    const overlay = document.querySelector('vite-error-overlay');
    return overlay ? (overlay.shadowRoot?.textContent ?? overlay.textContent ?? '') : '';
  });

/** Polls the page, which may be reloading, until `check` holds. */
async function eventually(check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      if (await check()) return;
    } catch {
      // the page is navigating
    }
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`timed out; server log:\n${log.slice(-3000)}`);
}

const proseText = () => page.evaluate(() => document.querySelector('.post .prose')?.textContent ?? '');

/** The test runner's environment without its own markers (NODE_ENV=test, VITEST…), which change how Vite serves. */
function authorEnv(): NodeJS.ProcessEnv {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => !name.startsWith('VITEST') && name !== 'NODE_ENV' && name !== 'TEST',
    ),
  );
  return { ...env, BLOG_CONTENT_DIR: CONTENT, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' };
}

beforeAll(async () => {
  rmSync(CONTENT, { recursive: true, force: true });
  cpSync(join(projectRoot, 'tests/fixtures/dev-preview'), CONTENT, { recursive: true });
  original = readFileSync(POST, 'utf8');
  server = spawn(
    process.execPath,
    ['node_modules/astro/bin/astro.mjs', 'dev', '--host', '127.0.0.1', '--port', String(PORT)],
    {
      cwd: projectRoot,
      env: authorEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  server.stdout!.on('data', (chunk: Buffer) => (log += chunk.toString()));
  server.stderr!.on('data', (chunk: Buffer) => (log += chunk.toString()));
  await answered(`${URL_}/posts/edited/`, 100_000);
  browser = await launchChromium();
  page = await browser.newPage();
  await page.goto(`${URL_}/posts/edited/`);
  // Astro reloads open pages once its first data store write lands; let it settle.
  await new Promise((done) => setTimeout(done, 1500));
}, 120_000);

afterAll(async () => {
  await browser?.close();
  server?.kill('SIGTERM');
  rmSync(CONTENT, { recursive: true, force: true });
});

describe('the dev server while an author writes', () => {
  it('shows a saved paragraph on the open page, rendering only that post again', async () => {
    const before = log.length;
    writeFileSync(POST, `${original}\n保存之后新加的一段，带一个公式 $e^{i\\pi} + 1 = 0$。\n`);
    await eventually(async () => (await proseText()).includes('保存之后新加的一段'));
    // The new formula is rendered by KaTeX on the server, like every other.
    await eventually(async () => (await page.locator('.post .prose .katex').count()) === 2);
    expect(log.slice(before)).toMatch(/edited\.md: rendered again \(1 post/);
    expect(log.slice(before)).not.toMatch(/neighbour\.md: rendered again/);
  });

  it('shows a broken formula on the page with file, line and message, then clears it', async () => {
    writeFileSync(POST, `${original}\n坏掉的公式 $\\frac{1}{$ 在这里。\n`);
    await eventually(async () => /invalid LaTeX/.test(await overlayText()));
    const text = await overlayText();
    expect(text).toContain('edited.md');
    expect(text).toMatch(/line 13/);
    expect(server.exitCode).toBeNull();
    writeFileSync(POST, original);
    await eventually(async () => (await overlayText()) === '');
    await eventually(async () => !(await proseText()).includes('保存之后新加的一段'));
    // Let Astro's reload for this save land before the next test saves again.
    await new Promise((done) => setTimeout(done, 1500));
  });

  it('shows an MDX import of a missing file with the line of the import, then clears it', async () => {
    const mdx = join(CONTENT, 'component.mdx');
    const good = '---\ntitle: 带组件的文章\ndate: 2025-03-02\ncategory: 机器学习\n---\n\n正文。\n';
    writeFileSync(mdx, good.replace('正文。', "import Missing from './Missing.astro';\n\n<Missing />"));
    await eventually(async () => /does not exist/.test(await overlayText()));
    const text = await overlayText();
    expect(text).toContain('component.mdx');
    expect(text).toMatch(/line 7/);
    writeFileSync(mdx, good);
    await eventually(async () => (await overlayText()) === '');
    rmSync(mdx);
    await new Promise((done) => setTimeout(done, 1500));
  });

  it('finds a post saved a moment ago in search, and no longer once it is deleted', async () => {
    const fresh = join(CONTENT, 'fresh.md');
    const titles = async (query: string) => {
      const search = await browser.newPage();
      try {
        await search.goto(`${URL_}/search/?q=${encodeURIComponent(query)}`);
        await search.waitForFunction(
          () => /找到/.test(document.querySelector('main [data-search-status]')?.textContent ?? ''),
          null,
          { timeout: 60_000 },
        );
        return await search.locator('main .search-result__title').allTextContents();
      } finally {
        await search.close();
      }
    };
    // Indexed before the new post exists, so that the test sees the index built again.
    expect(await titles('模拟退火')).toEqual([]);
    writeFileSync(
      fresh,
      '---\ntitle: 刚写好的文章\ndate: 2025-03-05\ncategory: 机器学习\n---\n\n模拟退火是一种随机搜索方法。\n',
    );
    await eventually(async () => (await titles('模拟退火')).includes('刚写好的文章'));
    expect(log).toMatch(/search: 3 posts indexed/);
    rmSync(fresh);
    await eventually(async () => (await titles('模拟退火')).length === 0);
  });

  it('shows broken front matter on the page, and the server keeps running', async () => {
    writeFileSync(POST, original.replace('date: 2025-03-01', 'date: 2025-02-30'));
    await eventually(async () => /not a real calendar date/.test(await overlayText()));
    expect(await overlayText()).toMatch(/line 3/);
    writeFileSync(POST, original);
    await eventually(async () => (await overlayText()) === '');
    expect(server.exitCode).toBeNull();
    await expect(fetch(`${URL_}/posts/neighbour/`).then((response) => response.status)).resolves.toBe(200);
  });

  it('sends a changed paragraph alone, and the page then holds what a fresh load shows', async () => {
    const live = await browser.newPage();
    const received: string[] = [];
    const sent: string[] = [];
    live.on('websocket', (socket) => {
      socket.on('framereceived', ({ payload }) => void received.push(String(payload)));
      socket.on('framesent', ({ payload }) => void sent.push(String(payload)));
    });
    await live.goto(`${URL_}/posts/edited/`);
    const prose = () => live.evaluate(() => document.querySelector('.post .prose')?.innerHTML ?? '');
    const shown = await live.evaluate(() => document.querySelector<HTMLElement>('.post .prose')?.dataset['postDigest']);
    // The first paragraph, so that the blocks after it must stay in place.
    writeFileSync(POST, original.replace('这一段在打开页面时就在。', '这一段在打开页面时就在，保存时改过了。'));
    await eventually(async () => (await prose()).includes('保存时改过了'));
    const patched = await prose();
    // What went over the socket: the changed block alone, as a patch against the version the page showed,
    // which the page applied (it did not ask for the whole body).
    const update = received.find((frame) => frame.includes('ml-notes:post-update') && frame.includes('保存时改过了'));
    const data = (JSON.parse(update ?? '{}') as { data?: { patches?: Record<string, { blocks: string[] }> } }).data;
    expect(data?.patches?.[shown ?? '']?.blocks).toEqual([expect.stringContaining('保存时改过了')]);
    expect(sent.filter((frame) => frame.includes('ml-notes:resend'))).toEqual([]);
    // A page rendered from the new body once Astro has stored it (its digest is the new one, so
    // it is sent no patch) shows the same article, the page's scripts having run on both.
    const fresh = await browser.newPage();
    const digestOf = (target: Page) =>
      target.evaluate(() => document.querySelector<HTMLElement>('.post .prose')?.dataset['postDigest']);
    await eventually(async () => {
      await fresh.goto(`${URL_}/posts/edited/`);
      return (await digestOf(fresh)) === (JSON.parse(update ?? '{}') as { data?: { digest?: string } }).data?.digest;
    });
    const reloaded = await fresh.evaluate(() => document.querySelector('.post .prose')?.innerHTML ?? '');
    expect(patched).toBe(reloaded);
    writeFileSync(POST, original);
    await Promise.all([live.close(), fresh.close()]);
  });
});
