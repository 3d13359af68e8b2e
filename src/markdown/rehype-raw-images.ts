/**
 * rehype plugin: an `<img>` the author wrote as raw HTML in a .md post is resolved
 * like a Markdown image. Notes written for Typora, docsify or Hexo size and centre
 * images with HTML (`<div align=center><img width="550" src="../img/2.1.png"></div>`),
 * and the files are where those paths say.
 *
 * Astro's remark-collect-images lists the relative paths of Markdown images in
 * `file.data.astro.localImagePaths`; its rehype-images then turns every `<img>` whose
 * src is listed into the placeholder its content layer replaces with the optimised
 * image (keeping width/height, lazy-loaded). Raw HTML is only parsed by the sanitizer
 * (rehype-sanitize-raw.ts), so this plugin runs after it and adds the relative srcs it
 * finds to that list: from there the images take Astro's own path. Whether each file
 * exists is checked before rendering, with the line (src/content/source-checks.ts).
 *
 * Images Astro leaves alone (root paths served from public/, remote URLs) are made
 * lazy here, as Astro makes the ones it optimises.
 */
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { isRelativeImagePath } from '../lib/image-paths.ts';

export function rehypeRawImages() {
  return (tree: Root, file: VFile): void => {
    const astro = (file.data.astro ??= {});
    const local = new Set(astro.localImagePaths ?? []);
    const before = local.size;
    visit(tree, 'element', (node: Element) => {
      if (node.tagName !== 'img' || typeof node.properties['src'] !== 'string') return;
      const src = decodeURI(node.properties['src']);
      if (isRelativeImagePath(src)) {
        // Like remark-collect-images: without a file there is nothing to resolve against.
        if (typeof file.path === 'string') local.add(src);
        return;
      }
      node.properties['loading'] ??= 'lazy';
      node.properties['decoding'] ??= 'async';
    });
    if (local.size !== before) astro.localImagePaths = [...local];
  };
}
