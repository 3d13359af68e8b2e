/**
 * remark plugin: the writing blocks as Markdown directives, so that .md posts
 * get the same markup as the MDX components in src/components/mdx/:
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
import { calloutTitle, isCalloutKind, paperLinks, paperVenue } from '../lib/writing-blocks.ts';

type Node = {
  type: string;
  name?: string;
  attributes?: Record<string, string | null | undefined> | null;
  children?: Node[];
  data?: Record<string, unknown>;
  value?: string;
};

const element = (hName: string, hProperties: Record<string, unknown>, children: Node[], type = 'paragraph'): Node => ({
  type,
  children,
  data: { hName, hProperties },
});
const text = (value: string): Node => ({ type: 'text', value });

/** Splits a container's children into its [label] (directiveLabel paragraph) and body. */
function labelAndBody(node: Node): { label: Node[] | undefined; body: Node[] } {
  const [first, ...rest] = node.children ?? [];
  if (first?.data?.['directiveLabel']) return { label: first.children ?? [], body: rest };
  return { label: undefined, body: node.children ?? [] };
}

function transform(node: Node, file: VFile): Node | Node[] | undefined {
  if (node.type === 'containerDirective' && node.name && isCalloutKind(node.name)) {
    const { label, body } = labelAndBody(node);
    return element(
      'aside',
      { className: ['callout', `callout--${node.name}`], role: 'note' },
      [element('p', { className: ['callout__title'] }, label ?? [text(calloutTitle(node.name))]), ...body],
      'blockquote',
    );
  }
  if (node.type === 'containerDirective' && node.name === 'derivation') {
    const { label, body } = labelAndBody(node);
    return element(
      'details',
      { className: ['derivation'] },
      [
        element('summary', {}, label ?? [text('展开推导')]),
        element('div', { className: ['derivation__body'] }, body, 'blockquote'),
      ],
      'blockquote',
    );
  }
  if (node.type === 'leafDirective' && node.name === 'paper') {
    const attributes = node.attributes ?? {};
    const title = attributes['title']?.trim();
    if (!title)
      file.fail('::paper needs a title: ::paper{title="…" authors="…" venue="…" year="…" arxiv="…"}', node as never);
    const links = paperLinks({
      arxiv: attributes['arxiv'] ?? undefined,
      doi: attributes['doi'] ?? undefined,
      url: attributes['url'] ?? undefined,
    });
    const venue = paperVenue(attributes['venue'] ?? undefined, attributes['year'] ?? undefined);
    return element(
      'aside',
      { className: ['paper-card'], ariaLabel: `论文：${title}` },
      [
        element('p', { className: ['paper-card__kicker'] }, [text('论文')]),
        element('p', { className: ['paper-card__title'] }, [element('cite', {}, [text(title!)], 'emphasis')]),
        ...(attributes['authors']
          ? [element('p', { className: ['paper-card__authors'] }, [text(attributes['authors'])])]
          : []),
        ...(venue ? [element('p', { className: ['paper-card__venue'] }, [text(venue)])] : []),
        ...(links.length > 0
          ? [
              element(
                'p',
                { className: ['paper-card__links'] },
                links.flatMap((link, i) => [
                  ...(i > 0 ? [text(' · ')] : []),
                  { type: 'link', url: link.href, children: [text(link.text)] } as Node,
                ]),
              ),
            ]
          : []),
      ],
      'blockquote',
    );
  }
  if (node.type === 'textDirective' && node.name !== 'ref' && node.name !== 'eqref') {
    // Not ours: give the author's text back (":name[label]{attrs}" is rare in prose; ":name" is common).
    const label = node.children && node.children.length > 0 ? [text('['), ...node.children, text(']')] : [];
    return [text(`:${node.name}`), ...label];
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
