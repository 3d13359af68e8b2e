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
import { onPostUpdate, warmRenderer, type PostUpdate } from '../content/dev-updates.ts';

/** The event the client script listens for. */
export const POST_UPDATE_EVENT = 'ml-notes:post-update';

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

export function devLivePosts(options: { base: string }): AstroIntegration {
  return {
    name: 'dev-live-posts',
    hooks: {
      'astro:config:setup': ({ command, injectScript }) => {
        if (command === 'dev') injectScript('page', `import '/src/client/dev-live-posts.ts';`);
      },
      'astro:server:setup': ({ server }) => {
        const hot = server.environments.client.hot;
        // Once the first page has gone out, get a render thread ready for the first edit.
        let warmed = false;
        server.middlewares.use((request, response, next) => {
          if (!warmed && request.headers.accept?.includes('text/html')) {
            warmed = true;
            response.once('finish', () => setTimeout(warmRenderer, 500));
          }
          next();
        });
        onPostUpdate((update: PostUpdate) => {
          if (update.kind === 'problems') {
            const first = update.problems[0];
            const message = update.problems
              .map((problem) =>
                problem.line === undefined ? problem.message : `line ${problem.line}: ${problem.message}`,
              )
              .join('\n');
            hot.send({
              type: 'error',
              err: {
                message,
                stack: '',
                id: update.path,
                plugin: 'posts-loader',
                ...(first?.line === undefined ? {} : { loc: { file: update.path, line: first.line, column: 1 } }),
                ...(first?.line === undefined ? {} : { frame: codeFrame(update.path, first.line) }),
              },
            });
            return;
          }
          hot.send(POST_UPDATE_EVENT, {
            kind: update.kind,
            path: update.path,
            ...(update.kind === 'rendered' ? { page: `${options.base}posts/${update.id}/`, html: update.html } : {}),
          });
        });
      },
    },
  };
}
