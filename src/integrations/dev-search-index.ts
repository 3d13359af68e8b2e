/**
 * Astro integration: search in `npm run dev`. The dev server has no Pagefind
 * index of its own (building one on every edit would be slow), so it serves the
 * last build's index from dist/pagefind/. Results therefore reflect the last
 * `npm run build`; a post added since is found after the next build.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import type { AstroIntegration } from 'astro';

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
};

export function devSearchIndex(options: { base: string; indexDir: string }): AstroIntegration {
  const prefix = `${options.base}pagefind/`;
  return {
    name: 'dev-search-index',
    hooks: {
      'astro:server:setup': ({ server, logger }) => {
        if (!existsSync(options.indexDir)) {
          logger.warn(`search: no index at ${options.indexDir}; run "npm run build" once to search in dev`);
        }
        server.middlewares.use((request, response, next) => {
          const url = decodeURIComponent((request.url ?? '').split('?')[0]!);
          if (!url.startsWith(prefix)) return next();
          const file = normalize(join(options.indexDir, url.slice(prefix.length)));
          if (!file.startsWith(options.indexDir + sep) || !existsSync(file) || !statSync(file).isFile()) return next();
          response.setHeader('content-type', TYPES[extname(file)] ?? 'application/octet-stream');
          response.setHeader('cache-control', 'no-store');
          response.end(readFileSync(file));
        });
      },
    },
  };
}
