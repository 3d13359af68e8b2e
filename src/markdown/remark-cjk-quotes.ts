/**
 * remark plugin: pairs straight double quotes in prose into “ and ”.
 * SmartyPants (off in this pipeline) guesses opening quotes from the space
 * before them, which Chinese text does not have, and turned 的"数据并行"场景
 * into ”数据并行”. Here quotes simply alternate within a paragraph (or heading,
 * table cell), skipping code and math, which are other node types.
 */
import type { Root, Text } from 'mdast';
import { CONTINUE, SKIP, visit } from 'unist-util-visit';

const BLOCKS = new Set(['paragraph', 'heading', 'tableCell']);

export function remarkCjkQuotes() {
  return (tree: Root) => {
    visit(tree, (block) => {
      if (!BLOCKS.has(block.type)) return CONTINUE;
      let open = true;
      visit(block, 'text', (text: Text) => {
        text.value = text.value.replace(/"/g, () => {
          const mark = open ? '“' : '”';
          open = !open;
          return mark;
        });
      });
      return SKIP;
    });
  };
}
