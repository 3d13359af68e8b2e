/**
 * The workers' fast .md renderer must give exactly what Astro's own processor
 * gives, for every post it takes (those without raw HTML or images).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { markdownConfigDefaults } from '@astrojs/markdown-remark';
import { parseFrontmatter } from '../../src/lib/frontmatter.ts';
import { decodeSourceBytes } from '../../src/lib/source-text.ts';
import { createFastRenderer } from '../../src/content/renderers/fast-markdown.ts';
import { shikiConfig } from '../../src/markdown/markdown-pipeline.ts';
import { listPostFiles } from '../../src/content/post-files.ts';
import { projectRoot } from '../helpers/build.ts';

const corpora = ['content/posts', 'tests/fixtures/rich', 'tests/fixtures/reader', 'tests/fixtures/authoring', 'tests/fixtures/feed-11', 'tests/fixtures/feeds'];

describe('fast .md renderer', () => {
  it('agrees with Astro’s processor on every post it renders', { timeout: 60_000 }, async () => {
    const renderer = await createFastRenderer({ syntaxHighlight: markdownConfigDefaults.syntaxHighlight, shikiConfig, gfm: true, image: {} });
    let compared = 0;
    let handedOver = 0;
    for (const corpus of corpora) {
      for (const post of listPostFiles(join(projectRoot, corpus), projectRoot).filter((p) => p.format === 'md')) {
        const decoded = decodeSourceBytes(readFileSync(post.path));
        if (!decoded.ok) continue;
        const front = parseFrontmatter(decoded.text);
        if (!front.ok) continue;
        const fileURL = pathToFileURL(post.path);
        const parsed = renderer.parse(front.body, fileURL);
        if (!renderer.canRender(parsed.tree)) {
          handedOver += 1;
          continue;
        }
        const fast = await renderer.render(parsed, front.data);
        const astro = await renderer.astro.render(front.body, { frontmatter: front.data, fileURL });
        expect(fast.code, post.display).toBe(astro.code);
        expect(fast.metadata.headings, post.display).toEqual(astro.metadata.headings);
        compared += 1;
      }
    }
    expect(compared).toBeGreaterThanOrEqual(15);
    expect(handedOver).toBeGreaterThan(0);
  });
});
