/**
 * axe-core on the main page types at desktop width and on every post, the
 * series index and the open search dialog at phone width, in both themes: no serious or critical violations. A summary of every
 * run (including minor findings) is written to tests/.output/axe-report.json.
 */
import { readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, searchInDialog, serveSite, type StaticSite } from '../helpers/browser.ts';
import { outputRoot } from '../helpers/build.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const siteDir = inject('siteDir');
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 375, height: 800 };
const RUNS: { name: string; path: string; viewport: typeof DESKTOP; searchDialog?: string }[] = [
  { name: 'feed', path: '', viewport: DESKTOP },
  { name: 'post', path: 'posts/pca/', viewport: DESKTOP },
  { name: 'category', path: `categories/${encodeURIComponent('机器学习')}/`, viewport: DESKTOP },
  { name: 'search', path: `search/?q=${encodeURIComponent('梯度')}`, viewport: DESKTOP },
  { name: 'feed (phone)', path: '', viewport: PHONE },
  { name: 'search dialog with results (phone)', path: '', viewport: PHONE, searchDialog: '梯度' },
  { name: 'series index (phone)', path: 'series/', viewport: PHONE },
  // Every post on a phone: that is where wide formulas and tables scroll and targets are small.
  ...readdirSync(join(siteDir, 'posts'))
    .sort()
    .map((slug) => ({ name: `post ${slug} (phone)`, path: `posts/${slug}/`, viewport: PHONE })),
];

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

let site: StaticSite;
let browser: Browser;
const report: Record<string, { violations: { id: string; impact: string | null; nodes: number }[]; passes: number }> =
  {};

beforeAll(async () => {
  site = await serveSite(siteDir);
  browser = await launchChromium();
});

afterAll(async () => {
  mkdirSync(outputRoot, { recursive: true });
  writeFileSync(join(outputRoot, 'axe-report.json'), `${JSON.stringify(report, null, 2)}\n`);
  await browser?.close();
  await site?.close();
});

describe('accessibility (axe-core)', () => {
  for (const theme of ['light', 'dark'] as const) {
    for (const { name, path, viewport, searchDialog } of RUNS) {
      it(`${name} page in the ${theme} theme has no serious or critical violations`, async () => {
        const context = await browser.newContext({ viewport, colorScheme: theme });
        const page = await context.newPage();
        if (searchDialog) await searchInDialog(page, `${site.url}${path}`, searchDialog);
        else await page.goto(`${site.url}${path}`);
        if (name === 'search') await page.locator('[data-search-results] a').first().waitFor();
        // Evaluated by the test driver, not injected as an inline <script>: the page keeps its CSP.
        await page.evaluate(axeSource);
        const result = await page.evaluate(async () => {
          const axe = (
            window as unknown as {
              axe: {
                run(context: Document, options: object): Promise<{ violations: AxeViolation[]; passes: unknown[] }>;
              };
            }
          ).axe;
          return axe.run(document, {
            runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
          });
        });
        await context.close();
        report[`${name}/${theme}`] = {
          violations: result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length })),
          passes: result.passes.length,
        };
        const serious = result.violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map(
            (v) =>
              `${v.id} (${v.impact}): ${v.help} — ${v.nodes
                .slice(0, 3)
                .map((n) => n.target.join(' '))
                .join(' | ')}`,
          );
        expect(serious).toEqual([]);
      });
    }
  }
});
