/**
 * Builds a broken fixture corpus over a last good build and checks that the
 * build fails with the expected message and leaves that output untouched.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { buildCorpus, buildCorpusOrThrow } from './build.ts';
import { listFiles } from './site.ts';

/** A digest of every file's path and bytes under `dir`. */
export function treeDigest(dir: string): string {
  const hash = createHash('sha256');
  for (const file of listFiles(dir))
    hash
      .update(file)
      .update('\0')
      .update(readFileSync(join(dir, file)))
      .update('\0');
  return hash.digest('hex');
}

/** Builds the "good" fixture into `name` and returns a function that tries a broken corpus over it. */
export function lastGoodBuild(
  name: string,
): (errorCase: string, expected: RegExp[], env?: Record<string, string>) => string {
  const outDir = buildCorpusOrThrow(name, 'tests/fixtures/single');
  const before = treeDigest(outDir);
  return (errorCase, expected, env = {}) => {
    const result = buildCorpus(name, `tests/fixtures/errors/${errorCase}`, env);
    expect(result.status, result.output).not.toBe(0);
    for (const pattern of expected) expect(result.output).toMatch(pattern);
    expect(result.output).toMatch(/Build failed; .* was left as it was\./);
    expect(treeDigest(outDir)).toBe(before);
    return result.output;
  };
}
