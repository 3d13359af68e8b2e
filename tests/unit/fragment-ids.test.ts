import { describe, expect, it } from 'vitest';
import { fragmentIds } from '../../src/lib/fragment-ids.ts';

describe('fragmentIds', () => {
  it('tries the fragment as written, then percent-decoded, as a browser does', () => {
    // remark-rehype writes footnote ids from Chinese labels percent-encoded.
    expect(fragmentIds('#user-content-fn-%E6%B3%A81')).toEqual(['user-content-fn-%E6%B3%A81', 'user-content-fn-注1']);
    expect(fragmentIds(new URL('https://x.test/#局限与使用注意').hash)).toEqual([
      '%E5%B1%80%E9%99%90%E4%B8%8E%E4%BD%BF%E7%94%A8%E6%B3%A8%E6%84%8F',
      '局限与使用注意',
    ]);
    expect(fragmentIds('#a%20b')).toEqual(['a%20b', 'a b']);
  });

  it('gives one candidate when decoding changes nothing or cannot decode', () => {
    expect(fragmentIds('#summary')).toEqual(['summary']);
    expect(fragmentIds('#bad-%E6')).toEqual(['bad-%E6']);
    expect(fragmentIds('#')).toEqual([]);
    expect(fragmentIds('')).toEqual([]);
  });
});
