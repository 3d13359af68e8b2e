/**
 * rehype plugin: blocks that may be wider than a phone screen scroll sideways
 * inside themselves (prose.css), so keyboard users must be able to focus them
 * to scroll: display formulas get tabindex="0", and each table is wrapped in a
 * focusable <section> labelled 表格 1, 表格 2, … (a named section is a region
 * landmark, and landmarks need distinct names; a role on the <table> itself would
 * hide its table semantics). Shiki already does the same for code blocks
 * (<pre tabindex="0">).
 */
import type { Element, Root } from 'hast';
import { SKIP, visit } from 'unist-util-visit';
import { hasClass } from '../lib/hast-classes.ts';

export function rehypeScrollRegions() {
  return (tree: Root) => {
    let tables = 0;
    // visit() also walks into MDX components (<Callout>), whose children hold tables too.
    visit(tree, 'element', (node: Element, index, parent) => {
      if (hasClass(node, 'katex-display')) {
        node.properties['tabIndex'] = 0;
        return SKIP;
      }
      // An inline formula holds neither tables nor display math.
      if (hasClass(node, 'katex')) return SKIP;
      if (node.tagName !== 'table' || parent === undefined || index === undefined) return undefined;
      tables += 1;
      parent.children[index] = {
        type: 'element',
        tagName: 'section',
        properties: { className: ['table-scroll'], ariaLabel: `表格 ${tables}`, tabIndex: 0 },
        children: [node],
      };
      return SKIP;
    });
  };
}
