// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import { site } from './src/site.config.ts';
import { katexOptions } from './src/plugins/katex-options.ts';
import { katexFontsWoff2Only } from './src/plugins/katex-fonts-woff2.ts';
import { rehypeFigures } from './src/plugins/rehype-figures.ts';

export default defineConfig({
  site: site.url,
  base: site.base,
  trailingSlash: 'always',
  build: { format: 'directory' },
  integrations: [mdx()],
  markdown: {
    // One unified pipeline for .md and .mdx (@astrojs/mdx inherits it).
    processor: unified({
      remarkPlugins: [remarkMath],
      rehypePlugins: [[rehypeKatex, katexOptions], rehypeFigures],
    }),
    shikiConfig: {
      themes: { light: 'github-light', dark: 'github-dark' },
      defaultColor: false,
      wrap: false,
    },
  },
  vite: {
    plugins: [katexFontsWoff2Only()],
    // Scripts stay external files (never inlined): cacheable, allowed by a strict
    // script-src CSP, and Vite's dynamic-import preload helper works in them.
    build: { assetsInlineLimit: 0 },
  },
  devToolbar: { enabled: false },
});
