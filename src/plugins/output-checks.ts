/**
 * Checks over the built HTML, run before a build may replace dist/. They hold
 * whatever produced the HTML (.md rendered now, entries from Astro's content
 * cache, .mdx compiled by Vite).
 */
import { readFile, readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { findKatexErrors } from '../lib/katex-errors.ts';

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/** Returns one line per problem; empty when the site is fit to deploy. */
export async function checkBuiltSite(siteDir: string): Promise<string[]> {
  const problems: string[] = [];
  for (const file of await htmlFiles(siteDir)) {
    const html = await readFile(file, 'utf8');
    const page = relative(siteDir, file).split(sep).join('/');
    for (const { tex, message } of findKatexErrors(html)) {
      problems.push(`${page}: invalid LaTeX in formula "${tex}": ${message}`);
    }
  }
  return problems;
}
