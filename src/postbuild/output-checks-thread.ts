/**
 * The output checks in a worker thread. The build starts them once Pagefind has every
 * page and only writing its files is left, which keeps one core busy: the checks take
 * the other, instead of taking turns on one thread with the search documents (at 1,000
 * posts the checks and the index took 12-13 s together, then 8.4-9.4 s in a thread
 * from the start, and 9.0-9.6 s against 10.0-11.1 s when started late, same run).
 */
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { checkBuiltSite, type OutputCheckOptions } from './output-checks.ts';

interface ChecksTask {
  /** Marks the thread as this module's: another worker that imports the module runs nothing. */
  task: 'output-checks';
  siteDir: string;
  options: OutputCheckOptions;
}

export function checkBuiltSiteInThread(siteDir: string, options: OutputCheckOptions): Promise<string[]> {
  const worker = new Worker(new URL(import.meta.url), {
    workerData: { task: 'output-checks', siteDir, options } satisfies ChecksTask,
  });
  return new Promise((resolve, reject) => {
    worker.once('message', (problems: string[]) => resolve(problems));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the output checks stopped (exit code ${code})`)));
  });
}

const task = workerData as Partial<ChecksTask> | null;
if (!isMainThread && parentPort && task?.task === 'output-checks') {
  const { siteDir, options } = task as ChecksTask;
  parentPort.postMessage(await checkBuiltSite(siteDir, options));
}
