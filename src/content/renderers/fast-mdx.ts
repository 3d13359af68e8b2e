/**
 * The .mdx renderer of the posts loader's workers. Astro compiles every .mdx
 * post into a JavaScript module through Vite (~45 ms a post, on the build's
 * main thread, and every page render runs it again); most posts only need
 * Markdown, math, code, a few `export const` values and the writing components.
 * Those are rendered here, in parallel, to HTML that the post route prints like
 * a .md post's: the same remark/rehype steps as Astro's MDX processor
 * (@astrojs/markdown-remark's createMdxProcessor: MDX's own parse and
 * unravelling, GFM, the site's plugins, rehype-raw, Shiki, heading ids), then
 * mdx-evaluate.ts in place of the compile-to-module step.
 *
 * Posts that need more (imports, <Figure>, JSX inside expressions…; see
 * fastMdxBlocker) keep going through @astrojs/mdx. BLOG_FAST_MDX=0 sends every
 * .mdx post there. tests/build/fast-mdx.test.ts builds MDX posts both ways and
 * compares the pages.
 */
import { rehypeHeadingIds } from '@astrojs/markdown-remark';
import { createProcessor, nodeTypes } from '@mdx-js/mdx';
import type { Element, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import rehypeRaw from 'rehype-raw';
import remarkGfm from 'remark-gfm';
import type { PluggableList } from 'unified';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import type { MdNode } from '../../lib/markdown-text.ts';
import type { RendererOptions, RenderOutput } from './md-renderer.ts';
import { rehypePlugins, remarkPlugins, remarkRehypeOptions, shikiSteps } from '../../markdown/markdown-pipeline.ts';
import { rehypeEvaluateMdx } from './mdx-evaluate.ts';
import { fastMdxBlocker } from './mdx-fast-path.ts';

export interface FastMdxRenderer {
  /** Parses a post with MDX's parser; the tree is the input of render() and may be read before it. */
  parse(body: string, path: URL): { tree: MdNode; file: VFile };
  /** Why this post must go through Astro's MDX compiler, or undefined. */
  blocker(tree: MdNode): string | undefined;
  /** Renders a post that has no blocker; throws NotFastMdx when a value needs Astro after all. */
  render(parsed: { tree: MdNode; file: VFile }, frontmatter: Record<string, unknown>): Promise<RenderOutput>;
}

/** Astro's rehype-meta-string: a code fence's meta string as a property, for highlighters. */
function rehypeMetaString() {
  return (tree: Root) =>
    visit(tree, 'element', (node: Element) => {
      const meta = (node.data as { meta?: string } | undefined)?.meta;
      if (node.tagName === 'code' && meta) node.properties['metastring'] = meta;
    });
}

/**
 * MDX's compiler (hast-util-to-estree) turns a table cell's `align` into
 * `text-align` in its style, since JSX has no align; do the same.
 */
function alignToStyle(tree: Root): void {
  visit(tree, 'element', (node: Element) => {
    const align = node.properties['align'];
    if ((node.tagName !== 'td' && node.tagName !== 'th') || align === undefined || align === null) return;
    const style = node.properties['style'];
    node.properties['style'] = `${typeof style === 'string' && style !== '' ? `${style.replace(/;\s*$/, '')};` : ''}text-align:${String(align)}`;
    delete node.properties['align'];
  });
}

/** The last step: the finished tree as HTML in file.data, and nothing left for MDX's compiler to compile. */
function rehypeCaptureHtml() {
  return (tree: Root, file: VFile) => {
    alignToStyle(tree);
    file.data['html'] = toHtml(tree, { allowDangerousHtml: true });
    tree.children = [];
  };
}

export function createFastMdxRenderer(options: RendererOptions): FastMdxRenderer {
  const processor = createProcessor({
    format: 'mdx',
    remarkPlugins: [...(options.gfm === false ? [] : [remarkGfm]), ...(remarkPlugins as PluggableList)],
    remarkRehypeOptions: remarkRehypeOptions as never,
    rehypePlugins: [
      rehypeMetaString,
      [rehypeRaw, { passThrough: nodeTypes }],
      ...shikiSteps(options),
      ...(rehypePlugins as PluggableList),
      rehypeHeadingIds,
      rehypeEvaluateMdx,
      rehypeCaptureHtml,
    ] as PluggableList,
  });

  return {
    parse(body, path) {
      const file = new VFile({ value: body, path, data: { astro: { frontmatter: {} } } });
      return { tree: processor.parse(file) as unknown as MdNode, file };
    },
    blocker: fastMdxBlocker,
    async render({ tree, file }, frontmatter) {
      file.data.astro = { frontmatter };
      await processor.run(tree as never, file);
      const data = file.data.astro;
      return {
        code: String(file.data['html']),
        metadata: { headings: data?.headings ?? [], localImagePaths: [], remoteImagePaths: [], frontmatter },
      };
    },
  };
}
