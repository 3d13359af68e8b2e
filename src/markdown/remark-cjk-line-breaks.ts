/**
 * remark plugin: a line break inside a paragraph between two Chinese (or
 * Japanese) characters joins them, as Pandoc's east_asian_line_breaks does.
 * Notes are often hard-wrapped at a fixed width; a browser shows each such break
 * as a space, which Chinese text does not have ("直观地说 明了"). The characters
 * on either side may sit in emphasis, a link or inline code ("弱学习算法\n**输出**").
 * Breaks next to Latin text or math stay spaces.
 */
import type { Parent, PhrasingContent, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';

const CJK_CLASS =
  '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\u3000-\\u303f\\uff01-\\uff60\\u2018-\\u201d\\u2026';
const CJK = new RegExp(`[${CJK_CLASS}]`, 'u');
const BREAK_BETWEEN_CJK = new RegExp(`(?<=[${CJK_CLASS}])[ \\t]*\\r?\\n[ \\t]*(?=[${CJK_CLASS}])`, 'gu');

/** The first or last character a reader sees of an inline node (math counts as not Chinese). */
function edge(node: PhrasingContent | undefined, side: 'first' | 'last'): string {
  if (!node || node.type === 'inlineMath' || node.type === 'break') return '';
  const text = node.type === 'text' || node.type === 'inlineCode' ? node.value : toString(node);
  return side === 'first' ? (text.trimStart()[0] ?? '') : (text.trimEnd().at(-1) ?? '');
}

export function remarkCjkLineBreaks() {
  return (tree: Root) => {
    visit(tree, (node) => {
      if (!('children' in node)) return;
      const children = (node as Parent).children as PhrasingContent[];
      children.forEach((child, index) => {
        if (child.type !== 'text' || !child.value.includes('\n')) return;
        child.value = child.value.replace(BREAK_BETWEEN_CJK, '');
        // A break at the edge of this text, against the node beside it.
        if (CJK.test(edge(children[index + 1], 'first'))) {
          child.value = child.value.replace(new RegExp(`(?<=[${CJK_CLASS}])[ \\t]*\\r?\\n[ \\t]*$`, 'u'), '');
        }
        if (CJK.test(edge(children[index - 1], 'last'))) {
          child.value = child.value.replace(new RegExp(`^[ \\t]*\\r?\\n[ \\t]*(?=[${CJK_CLASS}])`, 'u'), '');
        }
      });
    });
  };
}
