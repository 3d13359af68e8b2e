/**
 * The workers' .md renderer must give exactly what Astro's own processor (with the
 * site's chain, as astro.config.mjs configures it) gives, for every .md post: with
 * and without images, with and without raw HTML; and the same again when it renders
 * a post a second time, from its caches of formulas and code blocks.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createMarkdownProcessor, markdownConfigDefaults } from '@astrojs/markdown-remark';
import { parseFrontmatter } from '../../src/lib/frontmatter.ts';
import { decodeSourceBytes } from '../../src/lib/source-text.ts';
import { createMdRenderer } from '../../src/content/renderers/md-renderer.ts';
import {
  rehypePlugins,
  remarkPlugins,
  remarkRehypeOptions,
  shikiConfig,
  smartypants,
} from '../../src/markdown/markdown-pipeline.ts';
import { listPostFiles } from '../../src/content/post-files.ts';
import { projectRoot } from '../helpers/build.ts';

const corpora = [
  'content/posts',
  'tests/fixtures/rich',
  'tests/fixtures/reader',
  'tests/fixtures/authoring',
  'tests/fixtures/feed-11',
  'tests/fixtures/feeds',
  'tests/fixtures/hostile',
];

/** This renderer, and Astro's processor as astro.config.mjs configures it. */
async function bothProcessors() {
  const options = { syntaxHighlight: markdownConfigDefaults.syntaxHighlight, shikiConfig, gfm: true, image: {} };
  const renderer = await createMdRenderer(options);
  const astro = await createMarkdownProcessor({
    ...options,
    remarkPlugins,
    rehypePlugins,
    remarkRehype: remarkRehypeOptions,
    smartypants,
  });
  return { renderer, astro };
}

describe('.md renderer', () => {
  it('agrees with Astro’s processor on every .md post', { timeout: 120_000 }, async () => {
    const { renderer, astro } = await bothProcessors();
    const seen = { compared: 0, images: 0, rawHtml: 0 };
    for (const corpus of corpora) {
      for (const post of listPostFiles(join(projectRoot, corpus), projectRoot).filter((p) => p.format === 'md')) {
        const decoded = decodeSourceBytes(readFileSync(post.path));
        if (!decoded.ok) continue;
        const front = parseFrontmatter(decoded.text);
        if (!front.ok) continue;
        const fileURL = pathToFileURL(post.path);
        const ours = await renderer.render(renderer.parse(front.body, fileURL), front.data);
        const theirs = await astro.render(front.body, { frontmatter: front.data, fileURL });
        expect(ours.code, post.display).toBe(theirs.code);
        expect(ours.metadata, post.display).toEqual(theirs.metadata);
        // Rendered again, as a dev-server save does: its formulas and code blocks now come from the caches.
        const again = await renderer.render(renderer.parse(front.body, fileURL), front.data);
        expect(again.code, `${post.display}, rendered again`).toBe(theirs.code);
        seen.compared += 1;
        if (ours.metadata.localImagePaths.length > 0) seen.images += 1;
        if (/<[a-z][^>]*>/i.test(front.body)) seen.rawHtml += 1;
      }
    }
    expect(seen.compared).toBeGreaterThanOrEqual(30);
    expect(seen.images).toBeGreaterThanOrEqual(10);
    expect(seen.rawHtml).toBeGreaterThan(0);
  });

  it('agrees on formulas in headings, whose text is part of the heading’s id', async () => {
    const { renderer, astro } = await bothProcessors();
    const body = '## $L_1$ 正则与 $\\ell_2$ 范数\n\n正文 $a^2$。\n\n### 再看 $L_1$\n\n$$\nx = \\frac{1}{2}\n$$\n';
    const fileURL = pathToFileURL(join(projectRoot, 'content/posts/heading-formulas.md'));
    for (let time = 0; time < 2; time++) {
      const ours = await renderer.render(renderer.parse(body, fileURL), {});
      const theirs = await astro.render(body, { frontmatter: {}, fileURL });
      expect(ours.code).toBe(theirs.code);
      expect(ours.metadata.headings).toEqual(theirs.metadata.headings);
      expect(ours.metadata.headings).toHaveLength(2);
    }
  });
});
