/** Astro's Markdown processor with the site's own remark/rehype lists and options: a post's body as the site renders it. */
import { createMarkdownProcessor, type MarkdownRenderer } from '@astrojs/markdown-remark';
import {
  rehypePlugins,
  remarkPlugins,
  remarkRehypeOptions,
  shikiConfig,
  smartypants,
} from '../../src/markdown/markdown-pipeline.ts';

export function createSiteProcessor(): Promise<MarkdownRenderer> {
  return createMarkdownProcessor({
    remarkPlugins,
    rehypePlugins,
    remarkRehype: remarkRehypeOptions,
    shikiConfig,
    smartypants,
  });
}
