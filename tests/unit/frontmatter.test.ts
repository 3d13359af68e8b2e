import { describe, expect, it } from 'vitest';
import { parseFrontmatter, splitFrontmatter } from '../../src/lib/frontmatter.ts';

describe('parseFrontmatter', () => {
  it('reads fields and keeps dates as the text written', () => {
    const result = parseFrontmatter('---\ntitle: PCA\ndate: 2024-02-30\ndraft: false\n---\n正文');
    expect(result).toEqual({
      ok: true,
      data: { title: 'PCA', date: '2024-02-30', draft: false },
      body: '正文',
      bodyLine: 6,
    });
  });

  it('keeps a quoted "false" a string (the schema rejects it, nothing coerces it)', () => {
    const result = parseFrontmatter('---\ndraft: "false"\n---\n');
    expect(result.ok && result.data['draft']).toBe('false');
  });

  it('reports YAML syntax errors with the line in the file', () => {
    const result = parseFrontmatter('---\ntitle: ok\ntags: [a, b\ncategory: Python\n---\n');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/invalid YAML front matter at line \d+/);
  });

  it('reports duplicate keys', () => {
    const result = parseFrontmatter('---\ntitle: a\ntitle: b\n---\n');
    expect(result).toMatchObject({ ok: false, line: 3 });
  });

  it('requires the front matter block', () => {
    expect(parseFrontmatter('# 没有 front matter')).toMatchObject({ ok: false, line: 1 });
    expect(splitFrontmatter('no fences')).toBeUndefined();
  });

  it('rejects front matter that is not a mapping', () => {
    expect(parseFrontmatter('---\n- a\n- b\n---\n')).toMatchObject({ ok: false });
  });
});
