/**
 * Astro integration, dev server only: search answers from the posts being written.
 *
 * The dev server builds its own Pagefind index, in memory, when a page first asks
 * for it (<base>pagefind/pagefind.js), from the documents the build indexes: each post
 * page as this server renders it, through searchDocument() (src/postbuild/). When the
 * posts loader renders a post again or removes one (src/content/dev-updates.ts), that
 * post's page is read again before the next search and the index is rebuilt from the
 * documents kept for the others. Drafts and future posts are found, as their pages
 * are shown, in dev only.
 */
import type { AstroIntegration } from 'astro';
import { onPostUpdate, storedPostIds } from '../content/dev-updates.ts';
import { dataStoreFile, writtenSince } from './data-store-writes.ts';

/** Loaded on the first search: the dev server starts without Pagefind and the segmenter. */
const indexer = () => import('../postbuild/pagefind-index.ts');

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
};

/** Post pages read at once while the index is built (the dev server renders them). */
const PAGES_AT_ONCE = 4;

export function devSearchIndex(options: { base: string }): AstroIntegration {
  let storeFile = '';
  return {
    name: 'dev-search-index',
    hooks: {
      'astro:config:done': ({ config }) => {
        storeFile = dataStoreFile(config.root);
      },
      'astro:server:setup': ({ server, logger }) => {
        const prefix = `${options.base}pagefind/`;
        /** Each post's search document (undefined: its page has no post body), by slug. */
        const documents = new Map<string, string | undefined>();
        /** Bumped for a post each time it changes: a page read before that is not kept. */
        const versions = new Map<string, number>();
        let lastChange = 0;
        let files: { ids: string; files: Map<string, Uint8Array> } | undefined;
        let building: Promise<Map<string, Uint8Array>> | undefined;

        onPostUpdate('dev-search-index', (update) => {
          if (update.kind !== 'rendered' && update.kind !== 'removed') return;
          documents.delete(update.id);
          versions.set(update.id, (versions.get(update.id) ?? 0) + 1);
          lastChange = Date.now();
          files = undefined;
        });

        async function readPage(origin: string, id: string): Promise<void> {
          const version = versions.get(id) ?? 0;
          const response = await fetch(`${origin}${options.base}posts/${encodeURIComponent(id)}/`);
          const html = await response.text();
          // A page that fails (or is not served yet: a new post's route appears once Astro has
          // taken in its store) is left out of this index and read again for the next one.
          if (response.status !== 200) {
            logger.warn(`search: posts/${id}/ answered ${response.status}; not indexed this time`);
            return;
          }
          const { searchDocument } = await indexer();
          if ((versions.get(id) ?? 0) === version) documents.set(id, searchDocument(html));
        }

        async function build(ids: string[]): Promise<Map<string, Uint8Array>> {
          const started = performance.now();
          const key = ids.join('\n');
          // A changed post's page shows the change once Astro has written its store.
          if (lastChange > 0) await writtenSince(storeFile, lastChange);
          const address = server.httpServer?.address();
          if (!address || typeof address === 'string') throw new Error('the dev server has no TCP address');
          // A server on every interface (--host) is asked on the loopback one.
          const host =
            address.family === 'IPv6'
              ? `[${address.address === '::' ? '::1' : address.address}]`
              : address.address === '0.0.0.0'
                ? '127.0.0.1'
                : address.address;
          const origin = `http://${host}:${address.port}`;
          for (const id of documents.keys()) if (!ids.includes(id)) documents.delete(id);
          const missing = ids.filter((id) => !documents.has(id));
          for (let start = 0; start < missing.length; start += PAGES_AT_ONCE) {
            await Promise.all(missing.slice(start, start + PAGES_AT_ONCE).map((id) => readPage(origin, id)));
          }
          const indexed = ids.flatMap((id) => {
            const content = documents.get(id);
            return content === undefined ? [] : [{ sourcePath: `posts/${id}/index.html`, content }];
          });
          const result = await (await indexer()).searchIndexFiles(indexed);
          const ms = Math.round(performance.now() - started);
          logger.info(`search: ${indexed.length} posts indexed (${missing.length} pages read) in ${ms} ms`);
          // Kept unless a post changed meanwhile (its document was dropped: the next search rebuilds).
          if (ids.every((id) => documents.has(id))) files = { ids: key, files: result };
          return result;
        }

        /** The index for the posts as they are now, built again if any changed. */
        async function currentIndex(): Promise<Map<string, Uint8Array>> {
          const ids = storedPostIds();
          if (ids === undefined) throw new Error('the posts are still loading');
          if (files && files.ids === ids.join('\n')) return files.files;
          building ??= build(ids).finally(() => (building = undefined));
          return building;
        }

        server.middlewares.use((request, response, next) => {
          const url = decodeURIComponent((request.url ?? '').split('?')[0]!);
          if (!url.startsWith(prefix)) return next();
          const name = url.slice(prefix.length);
          currentIndex().then(
            (index) => {
              const content = index.get(name);
              if (content === undefined) return next();
              const type = /\.[a-z]+$/.exec(name)?.[0] ?? '';
              response.setHeader('content-type', TYPES[type] ?? 'application/octet-stream');
              response.setHeader('cache-control', 'no-store');
              response.end(content);
            },
            (error: Error) => {
              logger.error(`search: ${error.message}`);
              response.statusCode = 503;
              response.setHeader('content-type', 'text/plain; charset=utf-8');
              response.end(`search index not ready: ${error.message}\n`);
            },
          );
        });
        server.httpServer?.once('close', () => {
          if (files !== undefined || building !== undefined)
            void indexer().then((module) => module.closeSearchIndexer());
        });
      },
    },
  };
}
