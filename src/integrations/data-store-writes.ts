/**
 * When Astro's dev data store (.astro/data-store.json) has been written. The posts
 * loader's store.set() changes Astro's store in memory; pages read it only once Astro
 * has written the file (500 ms after the last change) and invalidated the module that
 * serves it, which it does at once after the write.
 */
import { existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export function dataStoreFile(root: URL): string {
  return fileURLToPath(new URL('.astro/data-store.json', root));
}

const modified = (file: string) => (existsSync(file) ? statSync(file).mtimeMs : 0);

/**
 * Resolves once the file was written after `since` (a Date.now() value), or after
 * `timeoutMs` if it is not (a save that changed nothing Astro stores is not written).
 */
export function writtenSince(file: string, since: number, timeoutMs = 5000): Promise<void> {
  return new Promise((done) => {
    const poll = () => {
      if (modified(file) >= since || Date.now() - since >= timeoutMs) done();
      else setTimeout(poll, 50);
    };
    poll();
  });
}
