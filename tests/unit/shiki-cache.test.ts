/**
 * The cache around Shiki (src/markdown/rehype-shiki-cache.ts): a code block seen
 * before gives the HTML Shiki gives it, without being highlighted again; the same
 * code in another language is not served from it; blocks Shiki leaves alone (math)
 * are not kept.
 */
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { markdownConfigDefaults } from '@astrojs/markdown-remark';
import { createMdRenderer } from '../../src/content/renderers/md-renderer.ts';
import { shikiConfig } from '../../src/markdown/markdown-pipeline.ts';
import { shikiCacheStats } from '../../src/markdown/rehype-shiki-cache.ts';

const renderer = await createMdRenderer({
  syntaxHighlight: markdownConfigDefaults.syntaxHighlight,
  shikiConfig,
  gfm: true,
  image: {},
});
const url = pathToFileURL('/tmp/shiki-cache.md');
const render = async (markdown: string) => (await renderer.render(renderer.parse(markdown, url), {})).code;

describe('highlighted code blocks are reused', () => {
  it('serves a block seen before, with the same HTML', async () => {
    const source = '```python\nimport torch\nx = torch.ones(2, requires_grad=True)  # 缓存\n```\n';
    const before = shikiCacheStats();
    const first = await render(source);
    expect(shikiCacheStats()).toEqual({ entries: before.entries + 1, hits: before.hits });
    const second = await render(source);
    expect(shikiCacheStats()).toEqual({ entries: before.entries + 1, hits: before.hits + 1 });
    expect(second).toBe(first);
    expect(second).toContain('class="astro-code');
  });

  it('keeps languages apart', async () => {
    const code = 'print("同一段代码")\n';
    const python = await render(`\`\`\`python\n${code}\`\`\`\n`);
    const plain = await render(`\`\`\`text\n${code}\`\`\`\n`);
    expect(python).toContain('data-language="python"');
    expect(plain).toContain('data-language="text"');
  });

  it('does not keep a math block, which Shiki leaves to KaTeX', async () => {
    const before = shikiCacheStats();
    const html = await render('```math\nx^2 + y^2\n```\n');
    expect(html).toContain('katex-display');
    expect(shikiCacheStats().entries).toBe(before.entries);
  });
});
