/**
 * Astro integration, dev server only: what an author saves shows at once.
 *
 * When a post is saved, the posts loader renders that post again in its workers and
 * stores it; Astro writes its data store 500 ms later (a fixed debounce) and then
 * reloads every open page. This integration does not wait: the loader hands it the
 * post's new body (src/content/dev-updates.ts) and it sends it over Vite's HMR channel
 * to the open pages, where src/client/dev-live-posts.ts swaps it into the article.
 * Astro's reload still follows and brings everything else (cards, lists, neighbours).
 *
 * A post that fails (a broken formula, bad front matter, an MDX syntax error) shows in
 * the browser in Vite's error overlay, with the file, the line and the message, and the
 * next good save of that file clears it. The server keeps running.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { AstroIntegration } from 'astro';
import type { HotPayload } from 'vite';
import { onPostUpdate, warmRenderer, type PostUpdate } from '../content/dev-updates.ts';
import { blockPatch, type BlockPatch } from '../lib/block-patch.ts';
import { HELLO_EVENT, POST_UPDATE_EVENT, RESEND_EVENT } from '../lib/dev-events.ts';
import { dataStoreFile, writtenSince } from './data-store-writes.ts';

/** Bodies kept per post: enough for the versions open pages can still show (a page reloads after each save). */
const KEPT_BODIES = 4;

/** A version of a post's body, as the loader rendered it. */
interface Body {
  /** The digest of its source (what the page prints as data-post-digest). */
  digest: string;
  /** The source file (the error overlay is cleared by file). */
  path: string;
  html: string | undefined;
  blocks: string[] | undefined;
}

/** Two lines either side of `line`, numbered, with a marker, as Vite's overlay shows frames. */
function codeFrame(path: string, line: number | undefined): string | undefined {
  if (line === undefined || !existsSync(path)) return undefined;
  const lines = readFileSync(path, 'utf8').split('\n');
  const first = Math.max(1, line - 2);
  const last = Math.min(lines.length, line + 2);
  const width = String(last).length;
  const rows: string[] = [];
  for (let number = first; number <= last; number++) {
    rows.push(`${number === line ? '>' : ' '} ${String(number).padStart(width)} | ${lines[number - 1]}`);
  }
  return rows.join('\n');
}

/** The (encoded) slug of a post page's path, such as /posts/pca/, or undefined for any other page. */
function postSlugOf(path: string, base: string): string | undefined {
  const prefix = `${base}posts/`;
  if (!path.startsWith(prefix) || !path.endsWith('/')) return undefined;
  const slug = path.slice(prefix.length, -1);
  return slug === '' || slug.includes('/') ? undefined : slug;
}

/** A slug from a page's path, or undefined if its escapes are not valid UTF-8. */
function decodedSlug(slug: string): string | undefined {
  try {
    return decodeURIComponent(slug);
  } catch {
    return undefined;
  }
}

export function devLivePosts(options: { base: string }): AstroIntegration {
  let storeFile = '';
  return {
    name: 'dev-live-posts',
    hooks: {
      'astro:config:setup': ({ command, injectScript }) => {
        if (command === 'dev') injectScript('page', `import '/src/client/dev-live-posts.ts';`);
      },
      'astro:config:done': ({ config }) => {
        storeFile = dataStoreFile(config.root);
      },
      'astro:server:setup': ({ server }) => {
        const hot = server.environments.client.hot;
        // Astro reloads open pages when it writes its data store after a change, but after a
        // post file is deleted the reload was seen to come before the write, or not at all
        // (1,000 posts: the feed kept the deleted post). Reload once the store file is written.
        const reloadWhenStoreWritten = () =>
          void writtenSince(storeFile, Date.now()).then(() => hot.send({ type: 'full-reload', path: '*' }));
        // The last few bodies rendered of each post, newest last, so that an open page can be sent
        // only the blocks that differ from the version it shows (PCA: ~50 ms less parsing a save).
        const bodies = new Map<string, Body[]>();
        const remember = (id: string, body: Body) => {
          const kept = (bodies.get(id) ?? []).filter((older) => older.digest !== body.digest);
          kept.push({ digest: body.digest, path: body.path, html: body.html, blocks: body.blocks });
          bodies.set(id, kept.slice(-KEPT_BODIES));
        };
        const postIdOf = (page: string) => {
          const slug = postSlugOf(page, options.base);
          return slug === undefined ? undefined : decodedSlug(slug);
        };
        /**
         * The message that brings a page to the newest body of a post: patches from each older
         * version kept (or only from `from`, the version a page says it shows), or the whole
         * body when there are no blocks to patch or `from` is null or unknown.
         */
        const bodyMessage = (id: string, from?: string | null) => {
          const kept = bodies.get(id) ?? [];
          const newest = kept.at(-1);
          if (!newest) return undefined;
          const page = `${options.base}posts/${id}/`;
          const path = newest.path;
          const bases = kept.slice(0, -1).filter((older) => from === undefined || older.digest === from);
          if (newest.blocks && from !== null && bases.some((older) => older.blocks)) {
            const patches: Record<string, BlockPatch> = {};
            for (const older of bases)
              if (older.blocks) patches[older.digest] = blockPatch(older.blocks, newest.blocks);
            return { kind: 'rendered', path, page, digest: newest.digest, patches };
          }
          const html = newest.html ?? newest.blocks?.join('');
          return html === undefined ? undefined : { kind: 'rendered', path, page, digest: newest.digest, html };
        };
        // The error shown for each file until it is saved without problems: a page that reloads
        // meanwhile (Astro's reload after another save) would otherwise lose the overlay.
        const outstanding = new Map<string, HotPayload>();
        // Once a page has gone out to a browser, get a render thread ready for the first edit,
        // with the caches of the post the page shows (if it is one).
        server.middlewares.use((request, response, next) => {
          if (request.headers.accept?.includes('text/html')) {
            const id = postIdOf((request.url ?? '').split('?')[0]!);
            response.once('finish', () => setTimeout(() => warmRenderer(id), 500));
          }
          next();
        });
        onPostUpdate('dev-live-posts', (update: PostUpdate) => {
          if (update.kind === 'problems') {
            const first = update.problems[0];
            const message = update.problems
              .map((problem) =>
                problem.line === undefined ? problem.message : `line ${problem.line}: ${problem.message}`,
              )
              .join('\n');
            const payload = {
              type: 'error' as const,
              err: {
                message,
                stack: '',
                id: update.path,
                plugin: 'posts-loader',
                ...(first?.line === undefined
                  ? {}
                  : {
                      loc: { file: update.path, line: first.line, column: 1 },
                      frame: codeFrame(update.path, first.line) ?? '',
                    }),
              },
            };
            outstanding.set(update.path, payload);
            hot.send(payload);
            return;
          }
          if (update.kind === 'warmed') {
            // The version an opened page shows: the oldest kept, never newer than what a save rendered.
            const kept = bodies.get(update.id) ?? [];
            if (kept.length < KEPT_BODIES && !kept.some((body) => body.digest === update.digest)) {
              const { digest, path, blocks } = update;
              bodies.set(update.id, [{ digest, path, html: undefined, blocks }, ...kept]);
            }
            return;
          }
          outstanding.delete(update.path);
          if (update.kind === 'removed') {
            reloadWhenStoreWritten();
            return;
          }
          if (update.kind === 'clean') {
            hot.send(POST_UPDATE_EVENT, { kind: 'clean', path: update.path });
            return;
          }
          // An .mdx page compiled by Vite has no body to send: Astro's reload brings it.
          if (update.html === undefined) return;
          remember(update.id, update);
          const message = bodyMessage(update.id);
          if (message) hot.send(POST_UPDATE_EVENT, message);
        });
        // A page that (re)loads while a newer body is on its way to Astro's data store (written
        // 500 ms after a save, then every page reloads) was rendered from the older one: it says
        // hello with the digest of what it shows, and is sent the newest body if that differs.
        hot.on(HELLO_EVENT, (data: { page?: string; digest?: string }, client) => {
          const id = data.page === undefined ? undefined : postIdOf(data.page);
          const newest = id === undefined ? undefined : bodies.get(id)?.at(-1);
          if (id !== undefined && newest && newest.digest !== data.digest) {
            const message = bodyMessage(id, data.digest);
            if (message) client.send(POST_UPDATE_EVENT, message);
          }
          for (const payload of outstanding.values()) client.send(payload);
        });
        // A page that could not apply a patch to what it shows is sent the whole body.
        hot.on(RESEND_EVENT, (data: { page?: string }, client) => {
          const id = data.page === undefined ? undefined : postIdOf(data.page);
          const message = id === undefined ? undefined : bodyMessage(id, null);
          if (message) client.send(POST_UPDATE_EVENT, message);
        });
      },
    },
  };
}
