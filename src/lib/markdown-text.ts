/**
 * The reader-visible prose of a Markdown or MDX source, as a list of segments.
 * Code blocks, display math, raw HTML, images, footnote definitions and MDX
 * imports/expressions are dropped; an inline formula is one atomic segment so
 * that a cut never falls inside it.
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { mathFromMarkdown } from 'mdast-util-math';
import { mdxFromMarkdown } from 'mdast-util-mdx';
import { gfm } from 'micromark-extension-gfm';
import { math } from 'micromark-extension-math';
import { mdxjs } from 'micromark-extension-mdxjs';
import { texToPlain } from './tex-to-plain.ts';

export interface TextSegment {
  text: string;
  /** An atomic segment (an inline formula) is kept whole or dropped whole. */
  atomic: boolean;
}

export interface MdNode {
  type: string;
  value?: string;
  children?: MdNode[];
  /** image */
  url?: string;
  /** MDX JSX element name, ESM source */
  name?: string | null;
  position?: { start: { line: number } };
}

const SKIPPED = new Set([
  'code',
  'math',
  'html',
  'image',
  'imageReference',
  'footnoteDefinition',
  'footnoteReference',
  'definition',
  'yaml',
  'toml',
  'mdxjsEsm',
  'mdxFlowExpression',
  'mdxTextExpression',
  'break',
  'thematicBreak',
]);
const BLOCKS = new Set(['paragraph', 'heading', 'listItem', 'tableCell', 'blockquote', 'mdxJsxFlowElement']);
const CJK = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;

/** The Markdown (or MDX) syntax tree of a source; MDX syntax errors throw with their position. */
export function parseMarkdown(source: string, format: 'md' | 'mdx'): MdNode {
  if (format === 'mdx') {
    return fromMarkdown(source, {
      extensions: [mdxjs(), gfm(), math()],
      mdastExtensions: [mdxFromMarkdown(), gfmFromMarkdown(), mathFromMarkdown()],
    }) as MdNode;
  }
  return fromMarkdown(source, {
    extensions: [gfm(), math()],
    mdastExtensions: [gfmFromMarkdown(), mathFromMarkdown()],
  }) as MdNode;
}

/** Joins soft line breaks: nothing between two CJK characters, one space otherwise. */
function joinLines(text: string): string {
  return text.replace(/[ \t]*\n[ \t]*/g, (match, offset: number, whole: string) => {
    const before = whole[offset - 1] ?? '';
    const after = whole[offset + match.length] ?? '';
    return CJK.test(before) && CJK.test(after) ? '' : ' ';
  });
}

export function markdownToSegments(source: string, format: 'md' | 'mdx' = 'md'): TextSegment[] {
  return treeToSegments(parseMarkdown(source, format));
}

/** The prose segments of an already parsed tree (see markdownToSegments). */
export function treeToSegments(tree: MdNode): TextSegment[] {
  const segments: TextSegment[] = [];
  const push = (text: string, atomic = false) => {
    if (text !== '') segments.push({ text, atomic });
  };
  const visit = (node: MdNode) => {
    if (SKIPPED.has(node.type)) return;
    if (node.type === 'text') push(joinLines(node.value ?? ''));
    else if (node.type === 'inlineCode') push(node.value ?? '');
    else if (node.type === 'inlineMath') push(texToPlain(node.value ?? ''), true);
    node.children?.forEach(visit);
    if (BLOCKS.has(node.type)) push(' ');
  };
  visit(tree);
  return normalizeSpaces(segments);
}

/** Collapses whitespace runs across segment borders and trims both ends. */
function normalizeSpaces(segments: TextSegment[]): TextSegment[] {
  const out: TextSegment[] = [];
  let lastEndsWithSpace = true;
  for (const segment of segments) {
    let text = segment.text.replace(/\s+/g, ' ');
    if (lastEndsWithSpace) text = text.replace(/^ /, '');
    if (text === '') continue;
    out.push({ text, atomic: segment.atomic });
    lastEndsWithSpace = text.endsWith(' ');
  }
  const tail = out.at(-1);
  if (tail) {
    tail.text = tail.text.replace(/ $/, '');
    if (tail.text === '') out.pop();
  }
  return out;
}
