/**
 * remark plugin: numbered figures and equations, and references to them,
 * resolved at build time across the whole post.
 *
 * - Figure: an image alone in its paragraph with a title, `![alt](x.svg "caption")`,
 *   or an MDX <Figure>. Numbered 图 1, 图 2 … in document order. A label goes at
 *   the end of the caption, `"caption {#fig:pca}"`, or in <Figure label="fig:pca">.
 * - Equation: display math containing `\label{eq:mse}` gets the next number,
 *   shown as KaTeX's \tag, and an anchor.
 * - Reference: `:ref[fig:pca]` / `:eqref[eq:mse]` (directives; .md and .mdx) or, in
 *   .md prose, LaTeX's `\ref{fig:pca}` / `\eqref{eq:mse}`. Becomes a link “图 1” / “式 (2)”.
 *
 * Every image must have alt text, and every reference a label in the same post;
 * otherwise the build fails naming the post, the line and the label.
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';

/** The fields of mdast/MDX nodes this plugin reads and writes. */
interface AnyNode {
  type: string;
  children?: AnyNode[];
  data?: Record<string, unknown>;
  value?: string;
  /** image */
  url?: string;
  alt?: string | null;
  title?: string | null;
  /** MDX JSX element and directives */
  name?: string | null;
  attributes?: MdxAttribute[];
}
interface MdxAttribute {
  type: string;
  name?: string;
  value?: unknown;
}

export interface Label {
  kind: 'figure' | 'equation';
  number: number;
  id: string;
}

const CAPTION_LABEL = /\s*\{#([\w:.-]+)\}\s*$/;
const TEX_LABEL = /\\label\{([^{}]+)\}/;
const LATEX_REF = /\\(eqref|ref)\{([^{}]+)\}/g;

/** Anchor id for a label ("eq:mse" → "eq-mse"). */
export function labelId(label: string): string {
  return label.replace(/[^\w-]+/g, '-');
}

/** The text a reference shows: 图 2 or 式 (3). */
export function referenceText(label: Label): string {
  return label.kind === 'figure' ? `图 ${label.number}` : `式 (${label.number})`;
}

function loneTitledImage(node: AnyNode): AnyNode | undefined {
  if (node.type !== 'paragraph') return undefined;
  const content = (node.children ?? []).filter(
    (child) => !(child.type === 'text' && (child.value ?? '').trim() === ''),
  );
  const [only] = content;
  return content.length === 1 && only?.type === 'image' && only.title?.trim() ? only : undefined;
}

function mdxAttribute(node: AnyNode, name: string): string | undefined {
  const attribute = node.attributes?.find((a) => a.type === 'mdxJsxAttribute' && a.name === name);
  return typeof attribute?.value === 'string' ? attribute.value : undefined;
}

/**
 * Visits every node depth first. A visitor may replace the node at `index` with
 * several nodes and returns how many now stand there; those are not visited.
 */
function walk(node: AnyNode, visit: (node: AnyNode, parent: AnyNode, index: number) => number | void): void {
  const children = node.children ?? [];
  for (let index = 0; index < children.length; index++) {
    const child = children[index]!;
    const placed = visit(child, node, index);
    if (typeof placed === 'number') {
      index += placed - 1;
      continue;
    }
    walk(children[index] === child ? child : children[index]!, visit);
  }
}

export function remarkCrossRefs() {
  return (tree: Root, file: VFile) => {
    const labels = new Map<string, Label>();
    let figures = 0;
    let equations = 0;
    const define = (name: string, label: Label, node: AnyNode) => {
      if (labels.has(name)) file.fail(`label "${name}" is defined twice`, node as never);
      labels.set(name, label);
    };

    // Pass 1: number figures and labelled equations, check alt text.
    const root = tree as unknown as AnyNode;
    walk(root, (node, parent, index) => {
      if (node.type === 'image' && !node.alt?.trim()) {
        file.fail(`image "${node.url}" has no alt text: write ![what it shows](${node.url})`, node as never);
      }
      const image = loneTitledImage(node);
      if (image) {
        figures += 1;
        let caption = image.title!.trim();
        const match = CAPTION_LABEL.exec(caption);
        const id = match ? `fig-${labelId(match[1]!)}` : `fig-${figures}`;
        if (match) {
          caption = caption.slice(0, match.index).trim();
          define(match[1]!, { kind: 'figure', number: figures, id }, node);
        }
        image.title = null;
        const figure: AnyNode = {
          type: 'paragraph',
          children: [
            image,
            {
              type: 'paragraph',
              children: [
                {
                  type: 'emphasis',
                  children: [{ type: 'text', value: `图 ${figures}` }],
                  data: { hName: 'span', hProperties: { className: ['figure-number'] } },
                },
                { type: 'text', value: `：${caption}` },
              ],
              data: { hName: 'figcaption' },
            },
          ],
          data: { hName: 'figure', hProperties: { id } },
        };
        parent.children![index] = figure;
        return;
      }
      if (node.type === 'mdxJsxFlowElement' && node.name === 'Figure') {
        figures += 1;
        const label = mdxAttribute(node, 'label');
        const id = label ? `fig-${labelId(label)}` : `fig-${figures}`;
        if (label) define(label, { kind: 'figure', number: figures, id }, node);
        node.attributes = [
          ...(node.attributes ?? []).filter((a) => a.name !== 'number' && a.name !== 'id'),
          { type: 'mdxJsxAttribute', name: 'number', value: String(figures) },
          { type: 'mdxJsxAttribute', name: 'id', value: id },
        ];
        if (!mdxAttribute(node, 'alt')?.trim())
          file.fail('<Figure> has no alt text: add alt="what it shows"', node as never);
        return;
      }
      if (node.type === 'math') {
        const match = TEX_LABEL.exec(node.value ?? '');
        if (!match) return;
        equations += 1;
        const id = labelId(match[1]!);
        define(match[1]!, { kind: 'equation', number: equations, id }, node);
        const tex = (node.value ?? '').replace(TEX_LABEL, `\\tag{${equations}}`);
        node.value = tex;
        // remark-math keeps the TeX twice: in value and in the <code> it prepares for rehype.
        const code = (node.data?.['hChildren'] as { children: unknown[] }[] | undefined)?.[0];
        if (code) code.children = [{ type: 'text', value: tex }];
        parent.children![index] = {
          type: 'paragraph',
          children: [node],
          data: { hName: 'div', hProperties: { id, className: ['equation'] } },
        };
      }
    });

    // Pass 2: resolve references.
    const resolve = (name: string, node: AnyNode): AnyNode => {
      const label = labels.get(name.trim());
      if (!label) {
        const known = [...labels.keys()].join(', ') || 'none';
        return file.fail(`reference to unknown label "${name.trim()}" (labels in this post: ${known})`, node as never);
      }
      return {
        type: 'link',
        url: `#${label.id}`,
        children: [{ type: 'text', value: referenceText(label) }],
        data: { hProperties: { className: ['cross-ref'] } },
      };
    };
    walk(root, (node, parent, index) => {
      if (node.type === 'textDirective' && (node.name === 'ref' || node.name === 'eqref')) {
        const name = (node.children ?? []).map((child) => child.value ?? '').join('');
        parent.children![index] = resolve(name, node);
        return 1;
      }
      if (node.type !== 'text' || !(node.value ?? '').includes('ref{')) return;
      const parts: AnyNode[] = [];
      let last = 0;
      for (const match of (node.value ?? '').matchAll(LATEX_REF)) {
        if (match.index > last) parts.push({ type: 'text', value: node.value!.slice(last, match.index) });
        parts.push(resolve(match[2]!, node));
        last = match.index + match[0].length;
      }
      if (last < node.value!.length) parts.push({ type: 'text', value: node.value!.slice(last) });
      parent.children!.splice(index, 1, ...parts);
      return parts.length;
    });
  };
}
