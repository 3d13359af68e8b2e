// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { unified } from '@astrojs/markdown-remark';
import { site } from './src/site.config.ts';
import { katexFontsWoff2Only } from './src/integrations/katex-fonts-woff2.ts';
import {
  rehypePlugins,
  remarkPlugins,
  remarkRehypeOptions,
  shikiConfig,
  smartypants,
} from './src/markdown/markdown-pipeline.ts';
import { readPostIndex } from './src/content/post-index.ts';
import { devSearchIndex } from './src/integrations/dev-search-index.ts';
import { devLivePosts } from './src/integrations/dev-live-posts.ts';
import { cacheDirFor } from './src/content/cache-dir.ts';
import { astroCsp } from './src/integrations/csp.ts';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));
const cacheDir = cacheDirFor(root, site.contentDir);
/** @type {import('./src/content/post-index.ts').PostIndex | undefined} */
let postIndex;

export default defineConfig({
  site: site.url,
  base: site.base,
  trailingSlash: 'always',
  ...(cacheDir ? { cacheDir } : {}),
  // Four pages at a time: while one waits (a post's HTML file, an Open Graph image
  // drawn on other threads, a file being written), another renders. The output is
  // byte-identical to one page at a time (checked on the 1,000-post benchmark).
  // Each page's CSS (7 KB gzip for a post, KaTeX's included) is inlined: a reader
  // arriving on a post paints it without waiting for a stylesheet request (Lighthouse
  // mobile, medians of 3: first paint 0.2–0.5 s sooner; docs/performance.md). The CSP
  // <meta> allows the <style> by its hash (src/integrations/csp.ts).
  build: { format: 'directory', concurrency: 4, inlineStylesheets: 'always' },
  integrations: [
    mdx(),
    devSearchIndex({ base: site.base }),
    devLivePosts({ base: site.base }),
    sitemap({
      // lastmod from front matter (updated, else date), never from file times; the
      // posts loader wrote them down during content sync (src/content/post-index.ts).
      serialize(item) {
        const slug = /\/posts\/([^/]+)\/$/.exec(new URL(item.url).pathname)?.[1];
        if (slug === undefined) return item;
        postIndex ??= readPostIndex(root);
        const lastmod = postIndex.get(decodeURIComponent(slug))?.lastmod;
        return lastmod ? { ...item, lastmod } : item;
      },
    }),
  ],
  markdown: {
    // One unified pipeline for .md and .mdx (@astrojs/mdx inherits it).
    processor: unified({
      remarkPlugins,
      rehypePlugins,
      remarkRehype: remarkRehypeOptions,
      smartypants,
    }),
    shikiConfig,
  },
  vite: {
    plugins: [katexFontsWoff2Only()],
    // Scripts stay external files (never inlined): cacheable, allowed by a strict
    // script-src CSP, and Vite's dynamic-import preload helper works in them.
    build: {
      assetsInlineLimit: 0,
      rolldownOptions: {
        // Every .mdx module Astro compiles starts with its own "use astro:head-inject"
        // directive, and the bundler warns about each one (ten lines per post) although
        // Astro handles it: drop that warning only, so real warnings stay visible.
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('astro:head-inject')) return;
          warn(warning);
        },
      },
    },
    // Build output (dist/, temporary build folders, test sites) is not source: don't watch it.
    server: { watch: { ignored: ['**/dist/**', '**/.dist-*/**', '**/tests/.output/**'] } },
  },
  devToolbar: { enabled: false },
  // Content-Security-Policy <meta> on every page; what it allows and why: src/integrations/csp.ts.
  security: { csp: astroCsp },
});
