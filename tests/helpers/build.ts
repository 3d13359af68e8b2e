/**
 * Builds a corpus through the real build script (scripts/build.ts) with
 * BLOG_CONTENT_DIR, the way CI and authors do, into tests/.output/<name>/.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
export const outputRoot = join(projectRoot, 'tests', '.output');

export interface BuildResult {
  status: number | null;
  /** stdout and stderr together, colours removed. */
  output: string;
  outDir: string;
}

export function buildCorpus(name: string, contentDir: string, env: Record<string, string> = {}): BuildResult {
  const outDir = join(outputRoot, name);
  const result = spawnSync(process.execPath, ['scripts/build.ts', '--out', outDir], {
    cwd: projectRoot,
    env: { ...process.env, BLOG_CONTENT_DIR: contentDir, ...env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const output = `${result.stdout}\n${result.stderr}`.replace(/\x1b\[[0-9;]*m/g, '');
  return { status: result.status, output, outDir };
}

/** Builds and throws with the build's output when it fails. */
export function buildCorpusOrThrow(name: string, contentDir: string, env: Record<string, string> = {}): string {
  const result = buildCorpus(name, contentDir, env);
  if (result.status !== 0) throw new Error(`build of ${contentDir} failed:\n${result.output}`);
  return result.outDir;
}
