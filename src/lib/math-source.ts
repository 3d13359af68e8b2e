/**
 * Display math as docsify, VuePress, Typora, Obsidian and MathJax sites write
 * it, shaped into the `$$` fences remark-math reads (micromark-extension-math:
 * the opening `$$` may carry text, which it keeps as the block's "meta"; the
 * closing `$$` must stand alone on its line). Every change keeps the number of
 * lines, so positions (and the line numbers in error messages) stay those of
 * the author's file; only columns on the changed lines move.
 *
 * - `\end{aligned}$$`: TeX before a closing `$$` is cut from the line and kept
 *   in `closings` (by line), for remarkMathDialects to append to the formula;
 *   a `$$\begin{aligned}` opening needs nothing here (its meta is put back there).
 * - A LaTeX environment starting a line without dollars (`\begin{equation}` …
 *   `\end{equation}`, also align, gather, … and their starred forms), as
 *   MathJax shows it: fenced as display math.
 * - `\[` alone on its line … `\]` ending a line, or a whole line `\[ … \]` that
 *   reads as TeX: display math. `\[1\]`, `\[解析\]：…` stay the escaped brackets
 *   Markdown makes of them (notes use them for citation numbers and labels).
 * - `\( … \)` within a line whose content reads as TeX (a command, ^, _, =,
 *   braces): inline math, as MathJax reads it; `\(II\)` stays "(II)". The
 *   doubled forms `\\( … \\)` and `\\[ … \\]`, which Markdown written for MathJax
 *   sites uses to get past Markdown's escapes, are always math.
 * An environment or `\[` block that meets a blank line before it closes was
 * not math (LaTeX allows no blank line there): its first line is left as written.
 * Fenced code blocks and code spans are left alone.
 */

/** Environments MathJax shows as display math when they stand alone (KaTeX renders them in display mode). */
const DISPLAY_ENVIRONMENTS =
  'equation|align|alignat|gather|multline|flalign|eqnarray|split|aligned|alignedat|gathered|cases|array|matrix|pmatrix|bmatrix|Bmatrix|vmatrix|Vmatrix';

/** Blockquote markers and indentation before a line's content. */
const QUOTE_PREFIX = /^((?:[ \t]*>)*[ \t]*)(.*)$/;
/** The same, and a list marker: what may stand before a block that opens on the line. */
const CONTAINER_PREFIX = /^((?:[ \t]*>)*[ \t]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?)(.*)$/;
const FENCE = /^(`{3,}|~{3,})/;
const ENVIRONMENT_OPEN = new RegExp(`^\\\\begin\\{((?:${DISPLAY_ENVIRONMENTS})\\*?)\\}`);

export interface ShapedMathSource {
  /** The text for remark-parse: as many lines as the author's file. */
  text: string;
  /** TeX cut from before a closing `$$`, by 1-based line: it ends the formula that closes there. */
  closings: Map<number, string>;
}

type OpenBlock =
  | { kind: 'dollars' }
  | { kind: 'environment'; name: string; line: number; original: string }
  | { kind: 'brackets'; line: number; original: string; doubled: boolean };

/** Content that only TeX would write (a command, a sub- or superscript, =, braces). */
const readsAsTex = (text: string) => /[\\^_={}]/.test(text);

/** `\(x^2\)` and `\\(x\\)` → `$…$` outside code spans on one line. */
function inlineParentheses(line: string): string {
  if (!line.includes('\\(')) return line;
  let out = '';
  let index = 0;
  while (index < line.length) {
    const tick = line.indexOf('`', index);
    const end = tick < 0 ? line.length : tick;
    out += line
      .slice(index, end)
      .replace(/\\\\\((.+?)\\\\\)|\\\((.+?)\\\)/g, (whole, doubled?: string, single?: string) =>
        doubled !== undefined ? `$${doubled}$` : readsAsTex(single!) ? `$${single}$` : whole,
      );
    if (tick < 0) break;
    // A code span: a run of n backticks up to the next run of exactly n.
    const run = /^`+/.exec(line.slice(tick))![0];
    const close = new RegExp(`(?<!\`)${run}(?!\`)`, 'g');
    close.lastIndex = tick + run.length;
    const match = close.exec(line);
    const spanEnd = match ? match.index + run.length : tick + run.length;
    out += line.slice(tick, spanEnd);
    index = spanEnd;
  }
  return out;
}

export function shapeMathSource(source: string): ShapedMathSource {
  const lines = source.split('\n');
  const closings = new Map<number, string>();
  let fence: string | undefined;
  let open: OpenBlock | undefined;

  for (let i = 0; i < lines.length; i++) {
    // Inside a block a leading "-" is TeX (a minus sign), not a list marker.
    const [, prefix = '', rest = ''] = (open ? QUOTE_PREFIX : CONTAINER_PREFIX).exec(lines[i]!) ?? [];
    const trimmed = rest.trim();

    if (fence !== undefined) {
      if (trimmed.startsWith(fence) && trimmed.slice(fence.length).trim() === '') fence = undefined;
      continue;
    }
    if (open && open.kind !== 'dollars' && trimmed === '') {
      lines[open.line] = open.original;
      open = undefined;
      continue;
    }
    if (open) {
      let tex: string | undefined;
      if (open.kind === 'dollars') {
        if (trimmed === '$$') open = undefined;
        else tex = /^(.*?)\s*(?<!\\)\$\$$/.exec(trimmed)?.[1];
      } else if (open.kind === 'environment') {
        if (trimmed.endsWith(`\\end{${open.name}}`)) tex = trimmed;
      } else {
        tex = (open.doubled ? /^(.*?)\s*\\\\\]$/ : /^(.*?)\s*\\\]$/).exec(trimmed)?.[1];
      }
      if (tex !== undefined) {
        lines[i] = `${prefix}$$`;
        if (tex !== '') closings.set(i + 1, tex);
        open = undefined;
      }
      continue;
    }

    const fenceMatch = FENCE.exec(trimmed);
    if (fenceMatch) {
      fence = fenceMatch[1]!;
      continue;
    }
    if (trimmed.startsWith('$$')) {
      // One line (`$$x$$`) is inline math in its paragraph to remark-math; remarkMathDialects makes it display.
      if (!trimmed.slice(2).includes('$$')) open = { kind: 'dollars' };
      continue;
    }
    const environment = ENVIRONMENT_OPEN.exec(trimmed)?.[1];
    if (environment !== undefined) {
      const original = lines[i]!;
      if (trimmed.endsWith(`\\end{${environment}}`)) lines[i] = `${prefix}$$${trimmed}$$`;
      else {
        lines[i] = `${prefix}$$${trimmed}`;
        open = { kind: 'environment', name: environment, line: i, original };
      }
      continue;
    }
    const bracket = /^(\\{1,2})\[(.*)$/.exec(trimmed);
    if (bracket) {
      const doubled = bracket[1] === '\\\\';
      const inner = bracket[2]!.trim();
      const oneLine = (doubled ? /^(.*?)\s*\\\\\]$/ : /^(.*?)\s*\\\]$/).exec(inner);
      if (oneLine && (doubled || readsAsTex(oneLine[1]!))) {
        lines[i] = `${prefix}$$${oneLine[1]!.trim()}$$`;
        continue;
      }
      if (inner === '') {
        const original = lines[i]!;
        lines[i] = `${prefix}$$`;
        open = { kind: 'brackets', line: i, original, doubled };
        continue;
      }
    }
    lines[i] = inlineParentheses(lines[i]!);
  }
  return { text: lines.join('\n'), closings };
}
