/**
 * The .md renderer of the posts loader's workers, the one processor every .md post
 * goes through. It runs Astro's `markdown.processor` steps (unified() from
 * @astrojs/markdown-remark's createMarkdownProcessor) with the site's chain
 * (src/markdown/markdown-pipeline.ts): remark-parse, GFM, the site's remark
 * plugins, image collection, remark-rehype, Shiki, the site's rehype plugins,
 * Astro's image placeholders, heading ids, rehype-raw, stringify — except that
 * Astro's closing rehype-raw (a parse5 round trip of the whole tree, a third of a
 * post's time) runs only if raw nodes are left at that point. None are: the site's
 * sanitizer (rehype-sanitize-raw.ts) already parsed the author's HTML, so one pass
 * does the only thing the round trip would change (see rehypeRawWhenNeeded).
 *
 * The parsed tree is handed back before it is transformed, so the loader's checks,
 * excerpt and reading stats need no second parse. tests/unit/md-renderer.test.ts
 * checks that this renderer and Astro's processor give the same HTML and headings
 * for every .md post of the site and the fixtures.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { rehypeHeadingIds, remarkCollectImages, type AstroMarkdownOptions } from '@astrojs/markdown-remark';
import type { Element, ElementContent, Root } from 'hast';
import rehypeRaw from 'rehype-raw';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified, type PluggableList } from 'unified';
import { CONTINUE, EXIT, SKIP, visit } from 'unist-util-visit';
import { isFormula } from '../../lib/hast-classes.ts';
import { VFile } from 'vfile';
import type { MdNode } from '../../lib/markdown-text.ts';
import { rehypePlugins, remarkPlugins, remarkRehypeOptions, shikiSteps } from '../../markdown/markdown-pipeline.ts';

/** The options of Astro's config that can cross to a worker (no functions). */
export type RendererOptions = Pick<AstroMarkdownOptions, 'image' | 'syntaxHighlight' | 'shikiConfig' | 'gfm'>;

export interface RenderOutput {
  code: string;
  /** The body's top-level nodes as HTML, which `code` joins (the dev server sends only those a save changed). */
  blocks?: string[];
  metadata: {
    headings: { depth: number; slug: string; text: string }[];
    localImagePaths: string[];
    remoteImagePaths: string[];
    frontmatter: Record<string, unknown>;
  };
}

export interface MdRenderer {
  /** Parses a post; the tree is the input of render() and may be read before it. */
  parse(body: string, path: URL): { tree: MdNode; file: VFile };
  render(parsed: { tree: MdNode; file: VFile }, frontmatter: Record<string, unknown>): Promise<RenderOutput>;
}

/**
 * Astro's rehype-images (the `__ASTRO_IMAGE_` placeholders its content layer turns into
 * optimised images) is not among the package's exports; it is loaded from the package's
 * own folder, so it is exactly the step Astro's processor runs (the version is pinned).
 */
async function loadRehypeImages(): Promise<() => (tree: Root, file: VFile) => void> {
  const entry = createRequire(import.meta.url).resolve('@astrojs/markdown-remark');
  const module = (await import(pathToFileURL(join(dirname(entry), 'rehype-images.js')).href)) as {
    rehypeImages: () => (tree: Root, file: VFile) => void;
  };
  return module.rehypeImages;
}

/**
 * rehype-raw for a tree that still has raw nodes; otherwise the one change its parse5
 * round trip makes to a tree without them: boolean data-* properties (remark-rehype's
 * data-footnote-ref) become empty strings.
 */
function rehypeRawWhenNeeded() {
  const raw = rehypeRaw();
  return (tree: Root, file: VFile) => {
    let hasRaw = false;
    // Neither raw HTML nor footnote references sit inside a formula's thousands of nodes.
    visit(tree, (node) => {
      if (node.type === 'element' && isFormula(node as Element)) return SKIP;
      if (node.type !== 'raw') return CONTINUE;
      hasRaw = true;
      return EXIT;
    });
    if (hasRaw) return raw(tree, file);
    visit(tree, 'element', (node: Element) => {
      if (isFormula(node)) return SKIP;
      for (const [key, value] of Object.entries(node.properties)) {
        if (value === true && /^data[A-Z]/.test(key)) node.properties[key] = '';
      }
      return CONTINUE;
    });
    return tree;
  };
}

/**
 * Astro's closing steps (image placeholders, heading ids) walk every node of the tree, and
 * the formulas' KaTeX output is most of them (~50,000 in the PCA post: ~40 ms a render).
 * Neither step looks inside a formula outside a heading (a heading's id and text do
 * include its formulas), so their contents are set aside while those steps run.
 */
function formulaContentsAside() {
  const aside = new WeakMap<Root, [Element, ElementContent[]][]>();
  const setAside = () => (tree: Root) => {
    const list: [Element, ElementContent[]][] = [];
    visit(tree, 'element', (node: Element) => {
      if (/^h[1-6]$/.test(node.tagName)) return SKIP;
      if (!isFormula(node)) return CONTINUE;
      list.push([node, node.children]);
      node.children = [];
      return SKIP;
    });
    aside.set(tree, list);
  };
  const putBack = () => (tree: Root) => {
    for (const [node, children] of aside.get(tree) ?? []) node.children = children;
    aside.delete(tree);
  };
  return { setAside, putBack };
}

export async function createMdRenderer(options: RendererOptions): Promise<MdRenderer> {
  const rehypeImages = await loadRehypeImages();
  const formulas = formulaContentsAside();
  const processor = unified()
    .use(remarkParse)
    .use(options.gfm === false ? [] : [remarkGfm])
    .use(remarkPlugins as PluggableList)
    .use(remarkCollectImages, options.image)
    .use(remarkRehype, { allowDangerousHtml: true, passThrough: [], ...remarkRehypeOptions })
    .use(shikiSteps(options) as PluggableList)
    .use(rehypePlugins as PluggableList)
    .use(formulas.setAside)
    .use(rehypeImages)
    .use(rehypeHeadingIds)
    .use(formulas.putBack)
    .use(rehypeRawWhenNeeded)
    .use(rehypeStringify, { allowDangerousHtml: true });

  return {
    parse(body, path) {
      const file = new VFile({ value: body, path, data: { astro: { frontmatter: {} } } });
      return { tree: processor.parse(file) as unknown as MdNode, file };
    },
    async render({ tree, file }, frontmatter) {
      file.data.astro = { frontmatter };
      const hast = (await processor.run(tree as never, file)) as unknown as Root;
      // A root prints as its children one after the other: printed one by one, they join into the same HTML.
      const blocks = hast.children.map((child) => String(processor.stringify({ type: 'root', children: [child] }, file)));
      const code = blocks.join('');
      const data = file.data.astro;
      return {
        code,
        blocks,
        metadata: {
          headings: data?.headings ?? [],
          localImagePaths: data?.localImagePaths ?? [],
          remoteImagePaths: data?.remoteImagePaths ?? [],
          frontmatter: data?.frontmatter ?? {},
        },
      };
    },
  };
}
