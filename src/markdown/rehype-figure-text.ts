/**
 * rehype plugin: a figure whose image is a diagram with text in it (a local SVG
 * with <text>) is not shrunk below the width at which its smallest text is still
 * legible. On a narrower column it scrolls sideways inside the figure, with the
 * scroll cue (prose.css), and its caption stays put; the full-size link
 * (src/client/figure-links.ts) still opens it at its own size. Without this the
 * @tf_export diagram's 12 px code shrinks to 6 px on a phone.
 *
 * Only SVG can be read for its text sizes; a raster screenshot of text is shown as
 * before.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { Element, Root } from 'hast';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { isFormula } from '../lib/hast-classes.ts';
import { imageFile } from '../lib/image-file.ts';
import { isRelativeImagePath } from '../lib/image-paths.ts';
import { diagramMinWidth } from '../lib/svg-text-size.ts';

export function rehypeFigureText() {
  return (tree: Root, file: VFile) => {
    // Relative paths are resolved from the post's file; a tree without one (a unit test) is left alone.
    if (!file.path) return;
    visit(tree, 'element', (figure: Element) => {
      // A formula holds no figure; walking the PCA post's (~50,000 nodes) cost ~25 ms a render.
      if (isFormula(figure)) return SKIP;
      if (figure.tagName !== 'figure') return undefined;
      const index = figure.children.findIndex((child) => child.type === 'element' && child.tagName === 'img');
      const image = figure.children[index] as Element | undefined;
      const src = typeof image?.properties['src'] === 'string' ? image.properties['src'] : '';
      if (!image || !isRelativeImagePath(src) || !/\.svg$/i.test(src.split(/[?#]/)[0]!)) return SKIP;
      const path = imageFile(file.path, src);
      // A missing file is the image check's to report (source-checks.ts).
      if (!existsSync(path)) return SKIP;
      const minWidth = diagramMinWidth(readFileSync(path, 'utf8'));
      if (minWidth === undefined) return SKIP;
      figure.children[index] = {
        type: 'element',
        tagName: 'span',
        properties: { className: ['figure-scroll'], tabIndex: 0, style: `--figure-min-width: ${minWidth}px` },
        children: [image],
      };
      return SKIP;
    });
  };
}
