/**
 * Broken links and images, and MDX errors: each fails the build naming the
 * post, and leaves the previous output untouched.
 */
import { beforeAll, describe, it } from 'vitest';
import { lastGoodBuild } from '../helpers/content-errors.ts';

let tryBroken: ReturnType<typeof lastGoodBuild>;
beforeAll(() => {
  tryBroken = lastGoodBuild('errors-links');
});

const file = (errorCase: string, name = 'bad.md') =>
  `tests/fixtures/errors/${errorCase}/${name}`.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('links and images', () => {
  it('a link to a post that does not exist', () =>
    void tryBroken('broken-post-link', [
      new RegExp(`${file('broken-post-link')}: broken link "/posts/no-such-post/"`),
    ]));
  it('a link to a heading that does not exist', () =>
    void tryBroken('broken-heading-link', [
      new RegExp(
        `${file('broken-heading-link')}: broken link "/posts/ok/#.*": no heading or element with id "没有这一节"`,
      ),
    ]));
  it('a link to a file that does not exist', () =>
    void tryBroken('broken-file-link', [new RegExp(`${file('broken-file-link')}: broken link "/files/lecture.pdf"`)]));
  it('a missing image by relative path', () =>
    void tryBroken('missing-image-relative', [
      new RegExp(`${file('missing-image-relative')}:7: image "./missing.png" does not exist`),
    ]));
  it('a missing image in raw HTML, with the line of its <img>', () =>
    void tryBroken('missing-raw-image', [
      new RegExp(`${file('missing-raw-image')}:9: image "\\.\\./img/missing\\.png" does not exist`),
    ]));
  it('a missing image by absolute path', () =>
    void tryBroken('missing-image-absolute', [
      new RegExp(`${file('missing-image-absolute')}: broken image "/images/missing.png"`),
    ]));
});

describe('MDX', () => {
  it('a syntax error, with its line', () =>
    void tryBroken('mdx-syntax', [
      new RegExp(`${file('mdx-syntax', 'bad.mdx')}:7: MDX syntax error: Expected a closing tag for \`<Callout>\``),
    ]));
  it('an import of a file that does not exist', () =>
    void tryBroken('mdx-missing-import', [
      new RegExp(`${file('mdx-missing-import', 'bad.mdx')}:7: imports "\\./Missing\\.astro", which does not exist`),
    ]));
  it('a component that is not defined', () =>
    void tryBroken('mdx-undefined-component', [
      new RegExp(
        `${file('mdx-undefined-component', 'bad.mdx')}:7: uses the component <NoSuchComponent>, which is not defined`,
      ),
    ]));
  it('invalid LaTeX, with its line (the fast MDX renderer checks it like .md)', () =>
    void tryBroken('mdx-invalid-latex', [
      new RegExp(`${file('mdx-invalid-latex', 'bad.mdx')}:7: invalid LaTeX in formula "\\\\sqrt\\{"`),
    ]));
  it('invalid LaTeX in a post Astro compiles, found in the built HTML', () =>
    void tryBroken(
      'mdx-invalid-latex',
      [new RegExp(`${file('mdx-invalid-latex', 'bad.mdx')}: invalid LaTeX in formula "\\\\sqrt\\{"`)],
      { BLOG_FAST_MDX: '0' },
    ));
});
