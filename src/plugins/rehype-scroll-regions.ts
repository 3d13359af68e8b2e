/**
 * rehype plugin: blocks that may be wider than a phone screen scroll sideways
 * inside themselves (prose.css), so keyboard users must be able to focus them
 * to scroll: display formulas get tabindex="0", and each table is wrapped in a
 * focusable <section> labelled 表格 1, 表格 2, … (a named section is a region
 * landmark, and landmarks need distinct names; a role on the <table> itself would
 * hide its table semantics). Shiki already does the same for code blocks (<pre tabindex="0">).
 */
import type { Element, ElementContent, Root } from 'hast';

function classList(node: Element): string[] {
  const value = node.properties['className'];
  return Array.isArray(value) ? value.map(String) : typeof value === 'string' ? value.split(/\s+/) : [];
}

function isTableRegion(node: Element): boolean {
  return node.tagName === 'section' && classList(node).includes('table-scroll');
}

function tableRegion(table: Element, number: number): Element {
  return {
    type: 'element',
    tagName: 'section',
    properties: { className: ['table-scroll'], ariaLabel: `表格 ${number}`, tabIndex: 0 },
    children: [table],
  };
}

export function rehypeScrollRegions() {
  return (tree: Root) => {
    let tables = 0;
    // Any node with children is searched: in MDX a table or formula can sit inside
    // a component (<Callout>), which is an mdxJsxFlowElement here.
    const visit = (parent: Root | Element) => {
      parent.children.forEach((child, index) => {
        if (child.type !== 'element') {
          if ('children' in child && Array.isArray(child.children)) visit(child as unknown as Element);
          return;
        }
        if (child.tagName === 'table' && !('tagName' in parent && isTableRegion(parent))) {
          parent.children[index] = tableRegion(child, ++tables) as ElementContent;
          return;
        }
        if (classList(child).includes('katex-display')) {
          child.properties['tabIndex'] = 0;
          return;
        }
        visit(child);
      });
    };
    visit(tree);
  };
}
