/**
 * remark plugin: a line break inside a paragraph between two Chinese (or
 * Japanese) characters joins them, as Pandoc's east_asian_line_breaks does.
 * Notes are often hard-wrapped at a fixed width; a browser shows each such break
 * as a space, which Chinese text does not have ("直观地说 明了"). Breaks next to
 * Latin text, code or math stay spaces.
 */
import type { Root, Text } from 'mdast';
import { visit } from 'unist-util-visit';

const CJK = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\u3000-\\u303f\\uff01-\\uff60\\u2018-\\u201d\\u2026';
const BREAK_BETWEEN_CJK = new RegExp(`(?<=[${CJK}])[ \\t]*\\r?\\n[ \\t]*(?=[${CJK}])`, 'gu');

export function remarkCjkLineBreaks() {
  return (tree: Root) => {
    visit(tree, 'text', (node: Text) => {
      if (node.value.includes('\n')) node.value = node.value.replace(BREAK_BETWEEN_CJK, '');
    });
  };
}
