/**
 * The .md renderer of the posts loader's workers. It runs the same steps, with
 * the same plugins and options, as Astro's `markdown.processor` (unified() from
 * @astrojs/markdown-remark): remark-parse, GFM, the site's remark plugins, image
 * collection, remark-rehype, Shiki, the site's rehype plugins, heading ids,
 * stringify — but leaves out two whole-document passes that cost a third of a
 * post's time and change nothing for a post without raw HTML or images:
 * Astro's rehype-raw (a parse5 round trip of the entire tree) and its image
 * rewriting. A post that has raw HTML or an image is handed to Astro's own
 * processor, so those keep Astro's exact behaviour.
 *
 * The parsed tree is also handed back before it is transformed, so the loader's
 * checks, excerpt and reading stats need no second parse.
 * tests/unit/fast-markdown.test.ts checks that both renderers agree.
 */
import {
  createMarkdownProcessor,
  rehypeHeadingIds,
  rehypeShiki,
  remarkCollectImages,
  type AstroMarkdownOptions,
  type MarkdownRenderer,
} from '@astrojs/markdown-remark';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified, type PluggableList } from 'unified';
import { VFile } from 'vfile';
import type { MdNode } from '../../lib/markdown-text.ts';
import { rehypePlugins, remarkPlugins, remarkRehypeOptions, smartypants } from '../../markdown/markdown-pipeline.ts';

/** The options of Astro's config that can cross to a worker (no functions). */
export type RendererOptions = Pick<AstroMarkdownOptions, 'image' | 'syntaxHighlight' | 'shikiConfig' | 'gfm'>;

export interface RenderOutput {
  code: string;
  metadata: { headings: unknown[]; localImagePaths: string[]; remoteImagePaths: string[]; frontmatter: Record<string, unknown> };
}

export interface FastRenderer {
  /** Parses a post; the tree is the input of render() and may be read before it. */
  parse(body: string, path: URL): { tree: MdNode; file: VFile };
  /** Whether the fast path gives Astro's result for this tree (no raw HTML, no images). */
  canRender(tree: MdNode): boolean;
  render(parsed: { tree: MdNode; file: VFile }, frontmatter: Record<string, unknown>): Promise<RenderOutput>;
  /** Astro's own processor, for the posts the fast path leaves alone. */
  astro: MarkdownRenderer;
}

/**
 * rehype-raw's parse5 round trip turns boolean data-* properties (remark-rehype's
 * data-footnote-ref) into empty strings; do the same so the HTML is identical.
 */
function rehypeDataAttributesAsStrings() {
  const visit = (node: { type: string; properties?: Record<string, unknown>; children?: unknown[] }) => {
    if (node.properties) {
      for (const [key, value] of Object.entries(node.properties)) {
        if (value === true && /^data[A-Z]/.test(key)) node.properties[key] = '';
      }
    }
    node.children?.forEach((child) => visit(child as typeof node));
  };
  return (tree: unknown) => visit(tree as Parameters<typeof visit>[0]);
}

function contains(node: MdNode, types: ReadonlySet<string>): boolean {
  return types.has(node.type) || (node.children?.some((child) => contains(child, types)) ?? false);
}

const NEEDS_ASTRO = new Set(['html', 'image', 'imageReference', 'definition']);

export async function createFastRenderer(options: RendererOptions): Promise<FastRenderer> {
  const astro = await createMarkdownProcessor({ ...options, remarkPlugins, rehypePlugins, remarkRehype: remarkRehypeOptions, smartypants });
  const syntax = options.syntaxHighlight;
  const shiki = syntax === 'shiki' || (typeof syntax === 'object' && syntax.type === 'shiki');
  const excludeLangs = typeof syntax === 'object' ? syntax.excludeLangs : undefined;
  const processor = unified()
    .use(remarkParse)
    .use(options.gfm === false ? [] : [remarkGfm])
    .use(remarkPlugins as PluggableList)
    .use(remarkCollectImages, options.image)
    .use(remarkRehype, { allowDangerousHtml: true, passThrough: [], ...remarkRehypeOptions })
    .use(shiki ? [[rehypeShiki, options.shikiConfig, excludeLangs]] : [])
    .use(rehypePlugins as PluggableList)
    .use(rehypeHeadingIds)
    .use(rehypeDataAttributesAsStrings)
    .use(rehypeStringify, { allowDangerousHtml: true });

  return {
    astro,
    parse(body, path) {
      const file = new VFile({ value: body, path, data: { astro: { frontmatter: {} } } });
      return { tree: processor.parse(file) as unknown as MdNode, file };
    },
    canRender: (tree) => !contains(tree, NEEDS_ASTRO),
    async render({ tree, file }, frontmatter) {
      file.data.astro = { frontmatter };
      const hast = await processor.run(tree as never, file);
      const code = String(processor.stringify(hast as never, file));
      const data = file.data.astro;
      return {
        code,
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
