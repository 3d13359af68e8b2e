/**
 * Global setup for build and e2e tests: builds the site's own posts once into
 * tests/.output/site/ and hands the folder to the tests as `siteDir`. Both
 * projects name this setup; the promise on globalThis makes it build once.
 */
import type { TestProject } from 'vitest/node';
import { buildCorpusOrThrow } from '../helpers/build.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    siteDir: string;
  }
}

const memo = globalThis as typeof globalThis & { siteBuild?: Promise<string> };

export default async function setup(project: TestProject): Promise<void> {
  memo.siteBuild ??= Promise.resolve().then(() => buildCorpusOrThrow('site', 'content/posts'));
  project.provide('siteDir', await memo.siteBuild);
}
