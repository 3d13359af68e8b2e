/**
 * remark plugin, used right after remark-math: takes display math in the forms
 * other tools accept and leaves remark-math and rehype-katex to do the rest.
 *
 * Before parsing, the source is shaped by shapeMathSource (src/lib/math-source.ts:
 * closing `\end{aligned}$$`, bare LaTeX environments, `\[…\]`, `\(…\)`), with
 * the same number of lines. On the tree:
 * - the text after an opening `$$` (remark-math's "meta") and the TeX cut from
 *   before a closing `$$` are put back into the formula;
 * - `$$…$$` within a paragraph (alone, or on a line under text) is display
 *   math, as MathJax, docsify, Typora and Obsidian show it: the paragraph is
 *   split around it. In headings, table cells and links it stays inline;
 * - TeX that KaTeX would refuse although MathJax takes it: `eqnarray` becomes
 *   `align` (`a &=& b` → `a &= b`), `\*` (a Markdown escape of `*`) becomes `*`,
 *   and `$a = b \tag{1}$` (a tag needs display mode) is display math;
 * - every position is put back on the author's line (see insertedLines);
 * - a single-dollar "formula" that reads as prose is text again: `$2 每小时，
 *   或 $30` (the closing `$` followed by a digit, or content that starts or
 *   ends with a space and holds Chinese or starts with a digit).
 */
import type { Paragraph, PhrasingContent, Root, RootContent, Text } from 'mdast';
import type { InlineMath, Math } from 'mdast-util-math';
import type { Processor } from 'unified';
import type { Position } from 'unist';
import { visit, SKIP } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { shapeMathSource, type ShapedMathSource } from '../lib/math-source.ts';

const SHAPED = 'mathSource';

/**
 * A display formula as mdast-util-math makes one: remark-rehype turns it into
 * <pre><code class="language-math math-display"> from `data`, not from `value`,
 * so both are set together.
 */
function displayMath(value: string, position: Math['position']): Math {
  const code = {
    type: 'element' as const,
    tagName: 'code',
    properties: { className: ['language-math', 'math-display'] },
    children: [{ type: 'text' as const, value }],
  };
  return { type: 'math', meta: null, value, position, data: { hName: 'pre', hChildren: [code] } };
}

/** TeX as MathJax reads it, in a form KaTeX renders. */
function forKatex(tex: string): string {
  return tex
    .replace(/\\\*/g, '*')
    .replace(/\\begin\{eqnarray(\*?)\}([\s\S]*?)\\end\{eqnarray\*?\}/g, (_, star: string, rows: string) => {
      // eqnarray's three columns (a &=& b) are align's two (a &= b).
      const aligned = rows.replace(/&\s*((?:\\[A-Za-z]+|[^&\\\n])+?)\s*&/g, '&$1');
      return `\\begin{align${star}}${aligned}\\end{align${star}}`;
    });
}

function readsAsProse(inner: string, next: string | undefined): boolean {
  if (next !== undefined && /\d/.test(next)) return true;
  return /^\s|\s$/.test(inner) && (/\p{Script=Han}/u.test(inner) || /^\d/.test(inner));
}

/** Drops whitespace at the outer edges of a run of phrasing content (where a paragraph is split). */
function trimEdges(children: PhrasingContent[]): PhrasingContent[] {
  const out = children.filter((child) => child.type !== 'break');
  const first = out[0];
  if (first?.type === 'text') first.value = first.value.replace(/^\s+/, '');
  const last = out.at(-1);
  if (last?.type === 'text') last.value = last.value.replace(/\s+$/, '');
  return out.filter((child) => child.type !== 'text' || child.value !== '');
}

/** A paragraph holding display-delimited inline math, split into paragraphs and display formulas. */
function splitParagraph(paragraph: Paragraph, isDisplay: (node: InlineMath) => boolean): RootContent[] {
  const parts: RootContent[] = [];
  let run: PhrasingContent[] = [];
  const flush = () => {
    const children = trimEdges(run);
    if (children.length > 0) parts.push({ type: 'paragraph', children });
    run = [];
  };
  for (const child of paragraph.children) {
    if (child.type === 'inlineMath' && isDisplay(child)) {
      flush();
      parts.push(displayMath(child.value, child.position));
    } else run.push(child);
  }
  flush();
  return parts;
}

export function remarkMathDialects(this: Processor) {
  const parse = this.parser;
  if (parse) {
    this.parser = (document, file) => {
      const shaped = shapeMathSource(document);
      file.data[SHAPED] = shaped;
      return parse(shaped.text, file);
    };
  }

  return (tree: Root, file: VFile) => {
    const shaped = file.data[SHAPED] as ShapedMathSource | undefined;
    if (!shaped) return;
    const source = (node: { position?: Position | undefined }) =>
      shaped.text.slice(node.position?.start.offset ?? 0, node.position?.end.offset ?? 0);

    visit(tree, 'math', (node: Math, index, parent) => {
      const closing = shaped.closings.get(node.position?.end.line ?? -1);
      // remark-math decodes Markdown escapes in the text after an opening $$ (\\ → \): take it as written.
      const start = node.position?.start.offset ?? 0;
      const meta = node.meta
        ? shaped.text.slice(start, shaped.text.indexOf('\n', start) >>> 0).replace(/^[^$]*\$\$/, '')
        : undefined;
      const parts = [meta, node.value, closing].filter(
        (part): part is string => typeof part === 'string' && part.trim() !== '',
      );
      const value = forKatex(parts.join('\n'));
      if (value === node.value && !node.meta) return;
      if (index !== undefined && parent) parent.children.splice(index, 1, displayMath(value, node.position) as never);
    });

    const isDisplay = (node: InlineMath) => source(node).startsWith('$$') || /\\tag\b/.test(node.value);
    visit(tree, 'inlineMath', (node: InlineMath) => {
      const value = forKatex(node.value);
      if (value === node.value) return;
      node.value = value;
      const code = (node.data as { hChildren?: { type: string; value: string }[] } | undefined)?.hChildren;
      if (code) code.splice(0, code.length, { type: 'text', value });
    });
    visit(tree, 'inlineMath', (node: InlineMath, index, parent) => {
      if (index === undefined || !parent || isDisplay(node)) return;
      const raw = source(node);
      const next = shaped.text[node.position?.end.offset ?? -1];
      if (!readsAsProse(raw.slice(1, -1), next)) return;
      const text: Text = { type: 'text', value: raw, position: node.position };
      parent.children.splice(index, 1, text as never);
      return SKIP;
    });

    visit(tree, 'paragraph', (node: Paragraph, index, parent) => {
      if (index === undefined || !parent) return;
      if (!node.children.some((child) => child.type === 'inlineMath' && isDisplay(child))) return;
      const parts = splitParagraph(node, isDisplay);
      parent.children.splice(index, 1, ...(parts as never[]));
      return [SKIP, index + parts.length];
    });

    if (shaped.insertedLines.length > 0) {
      // Text moved off a closing $$ line made one line more: positions after it move back up.
      const original = (line: number) => line - shaped.insertedLines.filter((inserted) => inserted <= line).length;
      visit(tree, (node) => {
        if (!node.position) return;
        node.position.start.line = original(node.position.start.line);
        node.position.end.line = original(node.position.end.line);
      });
    }
  };
}
