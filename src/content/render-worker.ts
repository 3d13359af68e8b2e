/**
 * A worker thread of the posts loader's pool (piscina). It builds the .md
 * and .mdx renderers once (md-renderer.ts, fast-mdx.ts: the same plugin lists
 * astro.config.mjs gives Astro, and the serialisable options the loader passes) and then does each
 * post's work (post-work.ts). Two cores work on two posts at a time.
 */
import { workerData } from 'node:worker_threads';
import { createMdRenderer, type RendererOptions } from './renderers/md-renderer.ts';
import { build } from '../site.config.ts';
import { createFastMdxRenderer } from './renderers/fast-mdx.ts';
import { doPostWork, type PostResult, type PostTask, type Renderers } from './post-work.ts';

async function createRenderers(options: RendererOptions): Promise<Renderers> {
  return { md: await createMdRenderer(options), mdx: createFastMdxRenderer(options), fastMdx: build.fastMdx };
}

// Built as the thread starts (for its first task).
const renderers: Promise<Renderers> = createRenderers(workerData as RendererOptions);

/** A post to work on, or only a thread to start (RenderPool.warm). */
export type WorkerTask = PostTask | { warm: true };

export default async function work(task: WorkerTask): Promise<PostResult | undefined> {
  const ready = await renderers;
  return 'warm' in task ? undefined : doPostWork(task, ready);
}
