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

let renderers: Promise<Renderers> | undefined;

async function createRenderers(options: RendererOptions): Promise<Renderers> {
  return { md: await createMdRenderer(options), mdx: createFastMdxRenderer(options), fastMdx: build.fastMdx };
}

export default async function work(task: PostTask): Promise<PostResult> {
  renderers ??= createRenderers(workerData as RendererOptions);
  return doPostWork(task, await renderers);
}
