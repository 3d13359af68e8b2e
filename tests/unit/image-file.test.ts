import { describe, expect, it } from 'vitest';
import { imageFile } from '../../src/lib/image-file.ts';

describe('imageFile', () => {
  it('resolves from the post folder, without query or fragment, percent-decoded', () => {
    expect(imageFile('/blog/posts/a/index.md', './fig%201.svg?raw#x')).toBe('/blog/posts/a/fig 1.svg');
    expect(imageFile('/blog/posts/a/index.md', '../img/图.png')).toBe('/blog/posts/img/图.png');
  });

  it('takes a name with a stray % as written instead of failing', () => {
    expect(imageFile('/blog/posts/a/index.md', '100%.png')).toBe('/blog/posts/a/100%.png');
  });
});
