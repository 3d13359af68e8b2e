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
 * - Math in backticks, as Hugo (blogdown) and Hexo (NexT) themes write it to keep
 *   Markdown off the TeX: `` `$x$` `` is inline math, `` `$$ `` … `` $$` `` display math.
 * - A closing `$$` with text after it on its line (`$$其中 $I$ …`, which Obsidian
 *   takes): the text moves to a line of its own, the one change that adds a line;
 *   `insertedLines` lets remarkMathDialects put every position back on the
 *   author's line.
 * - A display block opened in a list item or block quote whose lines are not
 *   indented (or quoted) to match stays in that item; full-width spaces (U+3000)
 *   before a `$$` are dropped, since Markdown does not take them as indentation.
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
  /** TeX cut from before a closing `$$`, by 1-based line of `text`: it ends the formula that closes there. */
  closings: Map<number, string>;
  /** 1-based lines of `text` that the author's file does not have (text moved off a closing `$$` line). */
  insertedLines: number[];
}

type OpenBlock =
  | { kind: 'dollars'; continuation: string | undefined; ticked: boolean }
  | { kind: 'environment'; name: string; line: number; original: string }
  | { kind: 'brackets'; line: number; original: string; doubled: boolean };

/** Content that only TeX would write (a command, a sub- or superscript, =, braces). */
const readsAsTex = (text: string) => /[\\^_={}]/.test(text);

/** `\(x^2\)` and `\\(x\\)` → `$…$` outside code spans on one line; `` `$x$` `` → `$x$`. */
function inlineMathForms(line: string): string {
  if (!line.includes('\\(') && !line.includes('`$')) return line;
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
    const span = line.slice(tick, spanEnd);
    // A code span holding exactly one $…$ formula is math in backticks (blogdown, NexT).
    const ticked = new RegExp(`^${run}(\\$[^$\`]+\\$)${run}$`).exec(span);
    out += ticked ? ticked[1]! : span;
    index = spanEnd;
  }
  return out;
}

/** The prefix that continues a block opened after `prefix`: list markers become spaces, quote markers stay. */
function continuationOf(prefix: string): string | undefined {
  const continuation = prefix.replace(
    /(?:[-*+]|\d{1,9}[.)])([ \t]+)$/,
    (marker, space: string) => ' '.repeat(marker.length - space.length) + space,
  );
  return continuation.trim() === '' && continuation === prefix ? undefined : continuation;
}

export function shapeMathSource(source: string): ShapedMathSource {
  const lines = source.split('\n');
  const closings = new Map<number, string>();
  const insertedLines: number[] = [];
  let fence: string | undefined;
  let open: OpenBlock | undefined;
  /** 1-based line of `text` for index i of `lines` (an element may hold an inserted line). */
  const shapedLine = (i: number) => i + 1 + insertedLines.length;

  for (let i = 0; i < lines.length; i++) {
    if (open?.kind === 'dollars' && open.continuation !== undefined) {
      // A line of a block opened in a list item or quote, written without the item's indent or ">".
      const continuation = open.continuation;
      if (!lines[i]!.startsWith(continuation) && lines[i]!.trim() !== '') {
        lines[i] = continuation + lines[i]!.replace(continuation.includes('>') ? /^[ \t>]*/ : /^[ \t]*/, '');
      }
    }
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
      let after = '';
      if (open.kind === 'dollars') {
        const closing = open.ticked ? trimmed.replace(/\$\$`$/, '$$$$') : trimmed;
        const textAfter = /^\$\$(?!\$)\s*(\S.*)$/.exec(closing);
        if (closing === '$$') tex = '';
        else if (textAfter) {
          tex = '';
          after = textAfter[1]!;
        } else tex = /^(.*?)\s*(?<!\\)\$\$$/.exec(closing)?.[1];
      } else if (open.kind === 'environment') {
        if (trimmed.endsWith(`\\end{${open.name}}`)) tex = trimmed;
      } else {
        tex = (open.doubled ? /^(.*?)\s*\\\\\]$/ : /^(.*?)\s*\\\]$/).exec(trimmed)?.[1];
      }
      if (tex !== undefined) {
        const blockPrefix = prefix.replace(/\u3000/g, '');
        if (tex !== '') closings.set(shapedLine(i), tex);
        lines[i] = `${blockPrefix}$$`;
        if (after !== '') {
          lines[i] += `\n${blockPrefix}${after}`;
          insertedLines.push(shapedLine(i) + 1);
        }
        open = undefined;
      }
      continue;
    }

    const fenceMatch = FENCE.exec(trimmed);
    if (fenceMatch) {
      fence = fenceMatch[1]!;
      continue;
    }
    // Full-width spaces before a block are not Markdown indentation: drop them so the block is seen.
    const ideographic = /^\u3000+/.test(rest) && /^(?:`?\$\$|\\begin\{|\\\[)/.test(trimmed);
    const blockPrefix = ideographic ? prefix.replace(/\u3000/g, '') : prefix;
    if (ideographic) lines[i] = `${blockPrefix}${trimmed}`;
    if (trimmed.startsWith('`$$')) {
      // Display math in backticks (blogdown, NexT): the backticks go.
      const oneLine = /^`(\$\$[\s\S]*\$\$)`$/.exec(trimmed);
      lines[i] = `${blockPrefix}${oneLine ? oneLine[1]! : trimmed.slice(1)}`;
      if (!oneLine) open = { kind: 'dollars', continuation: continuationOf(blockPrefix), ticked: true };
      continue;
    }
    if (trimmed.startsWith('$$')) {
      // One line (`$$x$$`) is inline math in its paragraph to remark-math; remarkMathDialects makes it display.
      if (!trimmed.slice(2).includes('$$'))
        open = { kind: 'dollars', continuation: continuationOf(blockPrefix), ticked: false };
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
    lines[i] = inlineMathForms(lines[i]!);
  }
  return { text: lines.join('\n'), closings, insertedLines };
}
