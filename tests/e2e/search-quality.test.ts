/**
 * Search quality on fixed data: the query set over the twelve posts
 * (tests/fixtures/search/queries.json) against the built index, in Node through
 * Pagefind's API and in chromium through the search page. A quality check, not a
 * timing: `npm run bench:search` prints the same figures with the misses.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../helpers/browser.ts';
import {
  formatScore,
  rankInBrowser,
  rankInNode,
  readQuerySet,
  score,
  type Score,
} from '../../scripts/bench/search-quality.ts';

const set = readQuerySet('tests/fixtures/search/queries.json');
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

function expectTargets(result: Score): void {
  const report = formatScore(result);
  expect(result.total).toBeGreaterThanOrEqual(100);
  expect(result.top1, report).toBeGreaterThanOrEqual(0.95);
  expect(result.top3, report).toBe(1);
  expect(result.falseHits, report).toEqual([]);
}

describe('search quality on the twelve posts', () => {
  it('meets top-1 ≥ 95 % and top-3 = 100 % through Pagefind in Node, and nonsense finds nothing', async () => {
    expectTargets(score('node', set, await rankInNode(inject('siteDir'), set)));
  }, 300_000);

  it('meets the same targets through the search page in chromium', async () => {
    expectTargets(score('chromium', set, await rankInBrowser(browser, inject('siteDir'), set)));
  }, 600_000);
});
