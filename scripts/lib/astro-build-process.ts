/**
 * `astro build` in a process of its own, run by scripts/build.ts through
 * runAstroBuild(). When Astro is done its process exits and gives back its
 * memory (V8 keeps the heap of content sync and page generation), so the
 * search index and the output checks that follow do not stack on top of it.
 * An error's message goes back to the parent, which reports it as before.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

interface Outcome {
  error?: string;
}

/** Builds the site at `root` into `outDir`; rejects with Astro's error message. */
export function runAstroBuild(root: string, outDir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), [root, outDir], { stdio: 'inherit' });
    let outcome: Outcome = {};
    child.on('message', (message) => void (outcome = message as Outcome));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (outcome.error !== undefined) reject(new Error(outcome.error));
      else if (code === 0) resolve();
      else reject(new Error(`astro build stopped (${signal ?? `exit code ${code}`})`));
    });
  });
}

// Run as the child: build, then report how it went.
if (process.argv[1] === fileURLToPath(import.meta.url) && process.send) {
  const [root, outDir] = process.argv.slice(2) as [string, string];
  const { build } = await import('astro');
  const outcome: Outcome = {};
  try {
    await build({ root, outDir });
  } catch (error) {
    outcome.error = error instanceof Error ? error.message : String(error);
  }
  process.send(outcome, () => process.exit(outcome.error === undefined ? 0 : 1));
}
