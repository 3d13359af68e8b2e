/**
 * The posts loader's pool of worker threads (piscina, render-worker.ts), sized
 * for the site: one thread for a small site, one per core for a large one.
 */
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { LoaderContext } from 'astro/loaders';
import type { RendererOptions } from './fast-markdown.ts';
import type { PostResult, PostTask } from './post-work.ts';

export function createRenderPool(config: LoaderContext['config'], posts: number): Piscina<PostTask, PostResult> {
  // Piscina starts threads lazily (minThreads 0), so a fully cached build starts none.
  // Astro's config types are looser than its renderer's under exactOptionalPropertyTypes, hence the cast.
  const workerData = {
    image: { domains: config.image.domains, remotePatterns: config.image.remotePatterns },
    syntaxHighlight: config.markdown.syntaxHighlight,
    shikiConfig: config.markdown.shikiConfig,
    gfm: config.markdown.gfm,
  } as RendererOptions;
  // A worker costs a module load (~0.5 s): small sites get one, large sites one per core.
  const threads = Math.max(1, Math.min(availableParallelism(), Math.ceil(posts / 50)));
  return new Piscina({ filename: new URL('./render-worker.ts', import.meta.url).href, minThreads: 0, maxThreads: threads, workerData });
}

