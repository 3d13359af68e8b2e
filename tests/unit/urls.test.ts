import { describe, expect, it } from 'vitest';
import { absoluteUrl, listPagePath, pageParam, postPath, withBase } from '../../src/lib/urls.ts';
import { normalizeBase, normalizeSiteUrl } from '../../src/site.config.ts';

describe('urls', () => {
  it('puts every path under the base', () => {
    expect(withBase('posts/pca/', '/')).toBe('/posts/pca/');
    expect(withBase('/search/', '/blog/')).toBe('/blog/search/');
  });

  it('builds post paths with percent-encoded slugs', () => {
    expect(postPath('pca', '/')).toBe('/posts/pca/');
    expect(postPath('集成学习', '/blog/')).toBe('/blog/posts/%E9%9B%86%E6%88%90%E5%AD%A6%E4%B9%A0/');
  });

  it('numbers list pages: page 1 is the list root, then page/N/', () => {
    expect(pageParam(1)).toBeUndefined();
    expect(pageParam(3)).toBe('page/3');
    expect(listPagePath('', 1, '/')).toBe('/');
    expect(listPagePath('', 2, '/')).toBe('/page/2/');
    expect(listPagePath('categories/python', 2, '/blog/')).toBe('/blog/categories/python/page/2/');
  });

  it('makes absolute URLs from the origin', () => {
    expect(absoluteUrl('/blog/posts/pca/', 'https://example.org')).toBe('https://example.org/blog/posts/pca/');
  });

  it('normalises the base path and the site URL', () => {
    expect(normalizeBase(undefined)).toBe('/');
    expect(normalizeBase('blog')).toBe('/blog/');
    expect(normalizeBase('/a/b//')).toBe('/a/b/');
    expect(normalizeSiteUrl('https://x.github.io/', 'https://fallback.org')).toBe('https://x.github.io');
    expect(normalizeSiteUrl('', 'https://fallback.org')).toBe('https://fallback.org');
    expect(() => normalizeSiteUrl('ftp://x', 'https://fallback.org')).toThrow(/http/);
  });
});
