/**
 * The output checks in a worker thread, so that the build's main thread is free to
 * prepare the search documents meanwhile: the checks, the documents and Pagefind's
 * own process then share the two cores instead of the checks and the documents
 * taking turns on one thread.
 */
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { checkBuiltSite, type OutputCheckOptions } from './output-checks.ts';

interface ChecksTask {
  siteDir: string;
  options: OutputCheckOptions;
}

export function checkBuiltSiteInThread(siteDir: string, options: OutputCheckOptions): Promise<string[]> {
  const worker = new Worker(new URL(import.meta.url), { workerData: { siteDir, options } satisfies ChecksTask });
  return new Promise((resolve, reject) => {
    worker.once('message', (problems: string[]) => resolve(problems));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the output checks stopped (exit code ${code})`)));
  });
}

if (!isMainThread && parentPort) {
  const { siteDir, options } = workerData as ChecksTask;
  parentPort.postMessage(await checkBuiltSite(siteDir, options));
}
