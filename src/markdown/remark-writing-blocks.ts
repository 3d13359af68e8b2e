/**
 * remark plugin: the writing blocks as Markdown directives, with the markup the MDX
 * components in src/components/mdx/ print (both from src/lib/writing-blocks.ts):
 *
 *   :::note[可选标题]      :::tip      :::warning      → callouts
 *   :::derivation[标题]                               → a collapsible derivation
 *   ::paper{title="…" authors="…" venue="…" year="…" arxiv="…" doi="…"}
 *
 * Text like "比例 3:2" or "Note:x" is not a block: a text directive that is not
 * one of ours is turned back into the text the author wrote.
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import {
  calloutMarkup,
  derivationMarkup,
  isCalloutKind,
  paperCardMarkup,
  type MarkupBuilder,
} from '../lib/writing-blocks.ts';

type Node = {
  type: string;
  name?: string;
  attributes?: Record<string, string | null | undefined> | null;
  children?: Node[];
  data?: Record<string, unknown>;
  value?: string;
};

/**
 * The markup of src/lib/writing-blocks.ts as mdast: each element is a node that carries
 * its name for mdast-util-to-hast, of the mdast type whose children it holds (blocks in
 * a blockquote, text in a paragraph or, inside one, an emphasis).
 */
const BLOCK_HOLDERS = new Set(['aside', 'details', 'div']);
const PHRASING = new Set(['a', 'cite']);
const mdast: MarkupBuilder<Node> = {
  element: (hName, hProperties, children) => ({
    type: BLOCK_HOLDERS.has(hName) ? 'blockquote' : PHRASING.has(hName) ? 'emphasis' : 'paragraph',
    children,
    data: { hName, hProperties },
  }),
  text: (value) => ({ type: 'text', value }),
};

/** Splits a container's children into its [label] (directiveLabel paragraph) and body. */
function labelAndBody(node: Node): { label: Node[] | undefined; body: Node[] } {
  const [first, ...rest] = node.children ?? [];
  if (first?.data?.['directiveLabel']) return { label: first.children ?? [], body: rest };
  return { label: undefined, body: node.children ?? [] };
}

function transform(node: Node, file: VFile): Node | Node[] | undefined {
  if (node.type === 'containerDirective' && node.name && isCalloutKind(node.name)) {
    const { label, body } = labelAndBody(node);
    return calloutMarkup(mdast, node.name, label, body);
  }
  if (node.type === 'containerDirective' && node.name === 'derivation') {
    const { label, body } = labelAndBody(node);
    return derivationMarkup(mdast, label, body);
  }
  if (node.type === 'leafDirective' && node.name === 'paper') {
    const attributes = node.attributes ?? {};
    const title = attributes['title']?.trim();
    if (!title)
      file.fail('::paper needs a title: ::paper{title="…" authors="…" venue="…" year="…" arxiv="…"}', node as never);
    const given = (name: string) => attributes[name] ?? undefined;
    return paperCardMarkup(mdast, {
      title: title!,
      authors: given('authors'),
      venue: given('venue'),
      year: given('year'),
      arxiv: given('arxiv'),
      doi: given('doi'),
      url: given('url'),
    });
  }
  if (node.type === 'textDirective' && node.name !== 'ref' && node.name !== 'eqref') {
    // Not ours: give the author's text back (":name[label]{attrs}" is rare in prose; ":name" is common).
    const label = node.children && node.children.length > 0 ? [mdast.text('['), ...node.children, mdast.text(']')] : [];
    return [mdast.text(`:${node.name}`), ...label];
  }
  if (node.type === 'leafDirective' || node.type === 'containerDirective') {
    file.fail(
      `unknown block "${node.type === 'leafDirective' ? '::' : ':::'}${node.name}": use :::note, :::tip, :::warning, :::derivation or ::paper`,
      node as never,
    );
  }
  return undefined;
}

/** Joins neighbouring text nodes (a text directive given back as text splits its sentence). */
function mergeTexts(children: Node[]): void {
  for (let index = children.length - 1; index > 0; index--) {
    const node = children[index]!;
    const before = children[index - 1]!;
    if (node.type === 'text' && before.type === 'text') {
      before.value = `${before.value ?? ''}${node.value ?? ''}`;
      children.splice(index, 1);
    }
  }
}

export function remarkWritingBlocks() {
  return (tree: Root, file: VFile) => {
    const visit = (parent: Node) => {
      const children = parent.children ?? [];
      let gaveTextBack = false;
      for (let index = 0; index < children.length; index++) {
        const replaced = transform(children[index]!, file);
        if (Array.isArray(replaced)) {
          children.splice(index, 1, ...replaced);
          index += replaced.length - 1;
          gaveTextBack = true;
        } else if (replaced) {
          children[index] = replaced;
          visit(replaced);
        } else {
          visit(children[index]!);
        }
      }
      if (gaveTextBack) mergeTexts(children);
    };
    visit(tree as unknown as Node);
  };
}
