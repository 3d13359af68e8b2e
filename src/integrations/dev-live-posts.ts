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
import { HELLO_EVENT, POST_UPDATE_EVENT } from '../lib/dev-events.ts';
import { dataStoreFile, writtenSince } from './data-store-writes.ts';

/** How long after a save a page that opens is sent the new body (Astro's store is written by then). */
const RECENT_MS = 5000;

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
        const recent = new Map<string, { message: object; at: number }>();
        // The error shown for each file until it is saved without problems: a page that reloads
        // meanwhile (Astro's reload after another save) would otherwise lose the overlay.
        const outstanding = new Map<string, HotPayload>();
        // Once a page has gone out to a browser, get a render thread ready for the first edit,
        // with the caches of the post the page shows (if it is one).
        const postPages = `${options.base}posts/`;
        server.middlewares.use((request, response, next) => {
          if (request.headers.accept?.includes('text/html')) {
            const path = (request.url ?? '').split('?')[0]!;
            const slug = path.startsWith(postPages) && path.endsWith('/') ? path.slice(postPages.length, -1) : '';
            const id = slug === '' || slug.includes('/') ? undefined : decodedSlug(slug);
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
          outstanding.delete(update.path);
          if (update.kind === 'removed') {
            reloadWhenStoreWritten();
            return;
          }
          // An .mdx page compiled by Vite has no body to send: Astro's reload brings it.
          if (update.kind === 'rendered' && update.html === undefined) return;
          const message =
            update.kind === 'rendered'
              ? { kind: update.kind, path: update.path, page: `${options.base}posts/${update.id}/`, html: update.html }
              : { kind: update.kind, path: update.path };
          if ('page' in message) recent.set(message.page, { message, at: Date.now() });
          hot.send(POST_UPDATE_EVENT, message);
        });
        // A page that (re)loads while a newer body is on its way to Astro's data store (written
        // 500 ms after a save, then every page reloads) was rendered from the older one: it says
        // hello, and gets the body the loader rendered last, if that was in the last few seconds.
        hot.on(HELLO_EVENT, (data: { page?: string }, client) => {
          const last = data.page === undefined ? undefined : recent.get(data.page);
          if (last && Date.now() - last.at < RECENT_MS) client.send(POST_UPDATE_EVENT, last.message);
          for (const payload of outstanding.values()) client.send(payload);
        });
      },
    },
  };
}
