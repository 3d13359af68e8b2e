/**
 * The cache around rehype-katex (src/markdown/rehype-katex-cache.ts): a formula seen
 * before gives the same HTML as a fresh render, in text and display mode; errors and
 * macro definitions are rendered every time.
 */
import { describe, expect, it } from 'vitest';
import katex from 'katex';
import { katexOptions } from '../../src/markdown/katex-options.ts';
import { katexCacheStats } from '../../src/markdown/rehype-katex-cache.ts';
import { createSiteProcessor } from '../helpers/markdown.ts';

const render = async (markdown: string) => (await (await createSiteProcessor()).render(markdown)).code;

describe('rendered formulas are reused', () => {
  it('gives a formula seen before exactly the HTML KaTeX gives it', async () => {
    const source = '行内 $\\sum_{i=1}^{n} x_i^{缓存}$ 与\n\n$$\n\\frac{a}{b} = \\sqrt{缓存}\n$$\n';
    const before = katexCacheStats();
    const first = await render(source);
    // Both formulas were rendered by rehype-katex and kept.
    expect(katexCacheStats()).toEqual({ entries: before.entries + 2, hits: before.hits });
    const second = await render(source);
    // Both served from the cache, and the HTML is the same.
    expect(katexCacheStats()).toEqual({ entries: before.entries + 2, hits: before.hits + 2 });
    expect(second).toBe(first);
    const inline = katex.renderToString('\\sum_{i=1}^{n} x_i^{缓存}', { ...katexOptions, displayMode: false });
    expect(second).toContain(inline);
    // The first render was fresh (no formula here was seen before), the second came from the cache.
    expect(second.match(/class="katex-display"/g)).toHaveLength(1);
  });

  it('keeps text and display mode apart', async () => {
    await render('$x^{模式}$');
    const display = await render('$$\nx^{模式}\n$$');
    expect(display).toContain('class="katex-display"');
  });

  it('renders a broken formula again each time, so the build reports it each time', async () => {
    const first = await render('坏的 $\\frac{1}{$ 公式');
    const second = await render('坏的 $\\frac{1}{$ 公式');
    expect(first).toContain('katex-error');
    expect(second).toContain('katex-error');
  });

  it('does not reuse a formula across a macro definition that changes it', async () => {
    const before = await render('$\\cachedmacro$');
    expect(before).toContain('color:#cc0000');
    await render('$\\gdef\\cachedmacro{y}$');
    const after = await render('$\\cachedmacro$');
    expect(after).not.toContain('color:#cc0000');
  });
});
