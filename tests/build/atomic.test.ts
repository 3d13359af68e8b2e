/**
 * Atomic builds (scripts/build.ts): a successful build replaces the output
 * folder completely (nothing of an earlier build of another corpus survives),
 * and a failing build, early (front matter) or late (the checks over the built
 * HTML, after Astro and Pagefind have run), leaves it byte-identical and leaves
 * no temporary folder behind.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCorpus, buildCorpusOrThrow, outputRoot } from '../helpers/build.ts';
import { treeDigest } from '../helpers/content-errors.ts';
import { hasPage, listFiles } from '../helpers/site.ts';

const NAME = 'atomic';
/** Corpus A (tests/fixtures/rich) has posts/math-and-code/; corpus B (tests/fixtures/reader) has not. */
const CORPUS_A = 'tests/fixtures/rich';
const CORPUS_B = 'tests/fixtures/reader';

/** Temporary folders scripts/build.ts makes next to the output (.atomic-building-<pid>, .atomic-previous-<pid>). */
const leftovers = () => readdirSync(outputRoot).filter((name) => name.startsWith(`.${NAME}-`));

let outDir = '';
let freshB = '';
let filesOfA: string[] = [];

beforeAll(() => {
  outDir = buildCorpusOrThrow(NAME, CORPUS_A);
  filesOfA = listFiles(outDir);
  buildCorpusOrThrow(NAME, CORPUS_B);
  freshB = buildCorpusOrThrow(`${NAME}-fresh`, CORPUS_B);
});

describe('a successful build', () => {
  it('replaces the output completely: nothing of the earlier build survives', () => {
    expect(filesOfA).toContain('posts/math-and-code/index.html');
    expect(hasPage(outDir, '/posts/math-and-code/')).toBe(false);
    expect(hasPage(outDir, '/posts/series-intro/')).toBe(true);
    const files = listFiles(outDir);
    const survivors = filesOfA.filter((file) => files.includes(file) && !listFiles(freshB).includes(file));
    expect(survivors).toEqual([]);
    // The same tree as B built into an empty folder, byte for byte (search index and hashed assets included).
    expect(files).toEqual(listFiles(freshB));
    expect(treeDigest(outDir)).toBe(treeDigest(freshB));
    expect(leftovers()).toEqual([]);
  });
});

describe('a failing build', () => {
  it.each([
    {
      errorCase: 'invalid-date',
      stage: 'front matter, before Astro renders',
      message: /"2024-02-30" is not a real calendar date/,
      late: false,
    },
    {
      errorCase: 'broken-post-link',
      stage: 'the checks over the built HTML, after the search index',
      message: /broken link "\/posts\/no-such-post\/"/,
      late: true,
    },
  ])('($stage) leaves the previous output byte-identical', ({ errorCase, message, late }) => {
    const before = treeDigest(outDir);
    const result = buildCorpus(NAME, `tests/fixtures/errors/${errorCase}`);
    expect(result.status, result.output).not.toBe(0);
    expect(result.output).toMatch(message);
    expect(result.output).toMatch(/Build failed; .* was left as it was\./);
    // Whether Astro and Pagefind had already written the new site into the temporary folder.
    expect(/search index: \d+ pages/.test(result.output)).toBe(late);
    expect(treeDigest(outDir)).toBe(before);
    expect(hasPage(outDir, '/posts/series-intro/')).toBe(true);
    expect(leftovers()).toEqual([]);
    expect(existsSync(join(outputRoot, NAME))).toBe(true);
  });
});
