/**
 * remark plugin: pairs straight double quotes in prose into “ and ”.
 * SmartyPants (off in this pipeline) guesses opening quotes from the space
 * before them, which Chinese text does not have, and turned 的"数据并行"场景
 * into ”数据并行”. Here quotes simply alternate within a paragraph (or heading,
 * table cell), skipping code and math, which are other node types.
 */
import type { Root, Text } from 'mdast';

interface Parent {
  type: string;
  children?: unknown[];
}

const BLOCKS = new Set(['paragraph', 'heading', 'tableCell']);

function textNodes(node: Parent, out: Text[]): Text[] {
  for (const child of (node.children ?? []) as Parent[]) {
    if (child.type === 'text') out.push(child as unknown as Text);
    else textNodes(child, out);
  }
  return out;
}

export function remarkCjkQuotes() {
  return (tree: Root) => {
    const visit = (node: Parent) => {
      if (BLOCKS.has(node.type)) {
        let open = true;
        for (const text of textNodes(node, [])) {
          text.value = text.value.replace(/"/g, () => {
            const mark = open ? '“' : '”';
            open = !open;
            return mark;
          });
        }
        return;
      }
      for (const child of (node.children ?? []) as Parent[]) visit(child);
    };
    visit(tree as unknown as Parent);
  };
}
