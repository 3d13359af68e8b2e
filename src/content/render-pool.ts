/**
 * The posts loader's pool of worker threads (piscina, render-worker.ts), sized
 * for the site: one thread for a very small site, one per core otherwise.
 *
 * Each worker's V8 heap is capped (build.workerHeapMb, 512 MB by default): uncapped, V8 lets a busy
 * worker's heap grow to ~220 MB although ~70 MB stays live, and the process keeps
 * those pages after the pool ends, into page generation, where the build's memory
 * peaks (capped: ~150 MiB less at 1,000 posts; docs/performance.md). A post too big
 * for the cap is rendered again in a worker without one, so no post fails for it.
 */
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { LoaderContext } from 'astro/loaders';
import { build } from '../site.config.ts';
import type { RendererOptions } from './renderers/md-renderer.ts';
import type { PostResult, PostTask } from './post-work.ts';
import type { WorkerTask } from './render-worker.ts';

export interface RenderPool {
  /** Renders one post in a worker; a failure names the post's file. */
  run(task: PostTask): Promise<PostResult>;
  /** Starts a thread and builds its renderers, so the next post renders without waiting for them. */
  warm(): void;
  destroy(): Promise<void>;
}

const isOutOfMemory = (error: unknown) => (error as { code?: string } | null)?.code === 'ERR_WORKER_OUT_OF_MEMORY';

export function createRenderPool(
  config: LoaderContext['config'],
  posts: number,
  onRetry: (task: PostTask) => void,
  options: { keepWarm: boolean },
): RenderPool {
  // Astro's config types are looser than its renderer's under exactOptionalPropertyTypes, hence the cast.
  const workerData = {
    image: { domains: config.image.domains, remotePatterns: config.image.remotePatterns },
    syntaxHighlight: config.markdown.syntaxHighlight,
    shikiConfig: config.markdown.shikiConfig,
    gfm: config.markdown.gfm,
  } as RendererOptions;
  const filename = new URL('./render-worker.ts', import.meta.url).href;
  // A worker costs a module load (~0.5 s): a site of up to 6 posts gets one, larger ones one
  // per core (the twelve posts here, cold dev start, medians of 3: 9.8 s with one thread,
  // 8.2 s with two). Piscina starts threads lazily (minThreads 0), so a fully cached build
  // starts none. The dev server's edit pool keeps its thread (keepWarm: no idle timeout), so an
  // edit waits for its own render only, not for a new thread to load Shiki, KaTeX and the
  // plugins again (~2 s here).
  const threads = Math.max(1, Math.min(availableParallelism(), Math.ceil(posts / 6)));
  const pool = new Piscina<WorkerTask, PostResult | undefined>({
    filename,
    minThreads: 0,
    // The longest timer Node accepts (~24 days): the threads stay as long as the server.
    idleTimeout: options.keepWarm ? 2 ** 31 - 1 : 0,
    maxThreads: threads,
    workerData,
    resourceLimits: { maxOldGenerationSizeMb: build.workerHeapMb },
  });
  let uncapped: Piscina<PostTask, PostResult> | undefined;

  return {
    async run(task) {
      try {
        try {
          return (await pool.run(task))!;
        } catch (error) {
          if (!isOutOfMemory(error)) throw error;
          onRetry(task);
          uncapped ??= new Piscina<PostTask, PostResult>({ filename, minThreads: 0, maxThreads: 1, workerData });
          return await uncapped.run(task);
        }
      } catch (error) {
        throw new Error(`${task.display}: could not be rendered: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
      }
    },
    warm() {
      void pool.run({ warm: true }).catch(() => undefined);
    },
    async destroy() {
      await Promise.all([pool.destroy(), uncapped?.destroy()]);
    },
  };
}
