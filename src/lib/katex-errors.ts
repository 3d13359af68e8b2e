/**
 * Finds KaTeX's error markup in rendered HTML. rehype-katex does not throw on a
 * bad formula: it emits <span class="katex-error" title="ParseError: …">TeX</span>
 * and goes on. Checking the HTML (not a plugin hook) also catches formulas in
 * entries served from Astro's content cache.
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

export function findKatexErrors(html: string): KatexErrorSpan[] {
  return Array.from(html.matchAll(SPAN), (match) => ({
    tex: decodeEntities(match[1] ?? '').trim(),
    message: decodeEntities(TITLE.exec(match[0])?.[1] ?? 'KaTeX error').replace(/^ParseError: /, ''),
  }));
}

/** 1-based line of the first occurrence of `needle` in `text`, or undefined. */
export function lineOf(text: string, needle: string): number | undefined {
  const index = needle === '' ? -1 : text.indexOf(needle);
  return index < 0 ? undefined : text.slice(0, index).split('\n').length;
}
