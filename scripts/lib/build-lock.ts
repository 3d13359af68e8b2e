/**
 * One Astro build at a time per project. Astro keeps generated modules in the
 * project's .astro/ folder (content-modules.mjs, content-assets.mjs, types), and
 * Astro does not let that folder be moved; two builds of different corpora at
 * once (parallel test files, a benchmark next to a build) would overwrite each
 * other's files between content sync and bundling. The lock is a folder made
 * with mkdir (atomic); a lock whose owner process is gone is taken over.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function withBuildLock<T>(root: string, work: () => Promise<T>): Promise<T> {
  const lock = join(root, 'node_modules', '.cache', 'astro-build.lock');
  mkdirSync(join(lock, '..'), { recursive: true });
  for (let waited = 0; ; waited++) {
    try {
      mkdirSync(lock);
      writeFileSync(join(lock, 'pid'), String(process.pid));
      break;
    } catch {
      let owner = Number.NaN;
      try {
        owner = Number(readFileSync(join(lock, 'pid'), 'utf8'));
      } catch {
        // The owner is between mkdir and writing its pid.
      }
      if (!Number.isNaN(owner) && !alive(owner)) rmSync(lock, { recursive: true, force: true });
      else {
        if (waited === 0) console.log('waiting for another build of this project to finish…');
        await sleep(200);
      }
    }
  }
  try {
    return await work();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
