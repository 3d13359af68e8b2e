/**
 * A worker thread of the posts loader's pool (piscina). It builds the .md
 * renderer once (fast-markdown.ts: the same plugin lists astro.config.mjs gives
 * Astro, and the serialisable options the loader passes) and then does each
 * post's work (post-work.ts). Two cores work on two posts at a time.
 */
import { workerData } from 'node:worker_threads';
import { createFastRenderer, type FastRenderer, type RendererOptions } from './fast-markdown.ts';
import { doPostWork, type PostResult, type PostTask } from './post-work.ts';

let renderer: Promise<FastRenderer> | undefined;

export default async function work(task: PostTask): Promise<PostResult> {
  renderer ??= createFastRenderer(workerData as RendererOptions);
  return doPostWork(task, await renderer);
}
