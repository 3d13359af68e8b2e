/**
 * Chinese recall of the search index: for each post, a term that belongs to it
 * finds that post first on the search page.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, serveSite, type StaticSite } from '../helpers/browser.ts';

const TERMS: Record<string, string> = {
  协方差矩阵: 'pca',
  二阶泰勒: 'gbdt-to-xgboost',
  环形: 'pytorch-ddp-quickstart',
  回溯: 'kd-tree',
  偏函数: 'tf-export',
  共轭先验: 'mle-vs-bayesian-estimation',
  元学习器: 'ensemble-learning',
  雅可比: 'pytorch-autograd',
  函数式接口: 'nn-module-vs-functional',
  逐点卷积: 'lightweight-cnn-inception-pointwise',
  上下文增强: 'thundernet',
  内存位置: 'pytorch-expand-clone-error',
};

let site: StaticSite;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  site = await serveSite(inject('siteDir'));
  browser = await launchChromium();
  page = await browser.newPage();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe('Chinese search', () => {
  for (const [term, slug] of Object.entries(TERMS)) {
    it(`finds ${slug} first for 「${term}」`, async () => {
      await page.goto(`${site.url}search/?q=${encodeURIComponent(term)}`);
      const first = page.locator('.page-column [data-search-results] a').first();
      await first.waitFor();
      expect(new URL(await first.evaluate((a: HTMLAnchorElement) => a.href)).pathname).toBe(`/posts/${slug}/`);
    });
  }
});
