/**
 * rehype plugin (after KaTeX): an inline formula and the closing punctuation right
 * after it are wrapped in <span class="math-tail">, which prose.css keeps on one
 * line. KaTeX's output is a row of inline-blocks, and a browser may break a line
 * after an inline-block even before "，" or "。", which Chinese typesetting never
 * starts a line with (15 lines across seven posts at 375 px began "，这正是…").
 * Chromium takes the break after KaTeX's last box from the white-space of that
 * box's parent, not of the wrapper, so the formula's boxes but the last are
 * grouped in <span class="math-tail__breakable">: the formula may still break
 * between its boxes (a long one fits a phone), never before the punctuation.
 */
import type { Element, ElementContent, Root, Text } from 'hast';
import { SKIP, visit } from 'unist-util-visit';
import { hasClass } from '../lib/hast-classes.ts';

/** Punctuation that must not begin a line (closing marks, full-width and ASCII). */
const CLOSING = /^[。，、；：？！）」』》〉】〕”’…·．,.;:?!)\]]+/u;

export function rehypeMathPunctuation() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      // Nothing to do inside a formula, and a wrapper already made holds its formula and tail.
      if (hasClass(node, 'katex-display') || hasClass(node, 'katex') || hasClass(node, 'math-tail')) return SKIP;
      for (let index = 0; index < node.children.length - 1; index += 1) {
        const formula = node.children[index]!;
        const next = node.children[index + 1]!;
        if (formula.type !== 'element' || !hasClass(formula, 'katex') || next.type !== 'text') continue;
        const punctuation = CLOSING.exec(next.value)?.[0];
        if (!punctuation) continue;
        holdLastBox(formula);
        const tail: Text = { type: 'text', value: punctuation };
        const wrapper: Element = {
          type: 'element',
          tagName: 'span',
          properties: { className: ['math-tail'] },
          children: [formula, tail],
        };
        const rest = next.value.slice(punctuation.length);
        const replacement: ElementContent[] = rest ? [wrapper, { type: 'text', value: rest }] : [wrapper];
        node.children.splice(index, 2, ...replacement);
      }
      return undefined;
    });
  };
}

/** Groups every box of the formula's visible HTML but the last (see above). */
function holdLastBox(formula: Element): void {
  const html = formula.children.find(
    (child): child is Element => child.type === 'element' && hasClass(child, 'katex-html'),
  );
  if (!html || html.children.length < 2) return;
  const last = html.children.at(-1)!;
  html.children = [
    {
      type: 'element',
      tagName: 'span',
      properties: { className: ['math-tail__breakable'] },
      children: html.children.slice(0, -1),
    },
    last,
  ];
}
