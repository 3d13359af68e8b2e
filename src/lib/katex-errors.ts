/**
 * Finds KaTeX's error markup in rendered HTML. rehype-katex does not throw on a
 * bad formula: it emits <span class="katex-error" title="ParseError: …">TeX</span>
 * and goes on. A command KaTeX does not know does not even make an error span:
 * with throwOnError off, KaTeX prints its name in the error colour inside an
 * otherwise rendered formula, so that is looked for too (and so are \\href and
 * \\url, which KaTeX draws the same way with trust off). Checking the HTML (not
 * a plugin hook) also catches formulas in entries served from Astro's content cache.
 */
export interface KatexErrorSpan {
  /** The TeX source KaTeX could not render. */
  tex: string;
  /** KaTeX's own message ("KaTeX parse error: …"). */
  message: string;
}

const SPAN = /<span\b[^>]*\bclass="katex-error"[^>]*>([\s\S]*?)<\/span>/g;
const TITLE = /\btitle="([^"]*)"/;

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, entity: string) => {
    const lower = entity.toLowerCase();
    if (lower.startsWith('#x')) return String.fromCodePoint(parseInt(lower.slice(2), 16));
    if (lower.startsWith('#')) return String.fromCodePoint(parseInt(lower.slice(1), 10));
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[lower] ?? _;
  });
}

/** A formula's TeX (its MathML annotation) and the HTML KaTeX drew for it, up to the next formula. */
const FORMULA =
  /<annotation encoding="application\/x-tex">([\s\S]*?)<\/annotation>([\s\S]*?)(?=<span class="katex">|$)/g;
/** KaTeX's mark for an undefined command (errorColor #cc0000, the default). */
const UNDEFINED =
  /<span class="mord text" style="color:#cc0000;"><span class="mord" style="color:#cc0000;">(\\[^<]*)<\/span><\/span>/g;

export const MACRO_HINT =
  'KaTeX does not know this command: write it with commands KaTeX has, or define it as a macro in src/site.config.ts (katexMacros, e.g. "\\\\softmax": "\\\\operatorname{softmax}")';

/** Commands KaTeX knows but draws as errors with trust off (katex-options.ts): links and raw HTML. */
const UNTRUSTED = new Set([
  '\\href',
  '\\url',
  '\\includegraphics',
  '\\htmlClass',
  '\\htmlId',
  '\\htmlStyle',
  '\\htmlData',
]);
const UNTRUSTED_HINT =
  'links and HTML inside formulas are turned off here: put the link in the text around the formula';

function undefinedMessage(commands: string[]): string {
  const untrusted = commands.filter((command) => UNTRUSTED.has(command));
  const unknown = commands.filter((command) => !UNTRUSTED.has(command));
  return [
    ...(unknown.length > 0 ? [`undefined command ${unknown.join(', ')}: ${MACRO_HINT}`] : []),
    ...(untrusted.length > 0 ? [`${untrusted.join(', ')} not allowed: ${UNTRUSTED_HINT}`] : []),
  ].join('; ');
}

export function findKatexErrors(html: string): KatexErrorSpan[] {
  // Most pages have no error at all: two scans for the marks instead of one match per span.
  if (!html.includes('katex-error') && !html.includes('color:#cc0000')) return [];
  const errors = Array.from(html.matchAll(SPAN), (match) => ({
    tex: decodeEntities(match[1] ?? '').trim(),
    message: decodeEntities(TITLE.exec(match[0])?.[1] ?? 'KaTeX error').replace(/^ParseError: /, ''),
  }));
  if (!html.includes('color:#cc0000')) return errors;
  for (const formula of html.matchAll(FORMULA)) {
    const commands = [...new Set(Array.from(formula[2]!.matchAll(UNDEFINED), (match) => decodeEntities(match[1]!)))];
    if (commands.length === 0) continue;
    errors.push({ tex: decodeEntities(formula[1]!).trim(), message: undefinedMessage(commands) });
  }
  return errors;
}

/** 1-based line of the first occurrence of `needle` in `text`, or undefined. */
export function lineOf(text: string, needle: string): number | undefined {
  const index = needle === '' ? -1 : text.indexOf(needle);
  return index < 0 ? undefined : text.slice(0, index).split('\n').length;
}
