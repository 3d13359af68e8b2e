/**
 * Problems the posts loader reports against a post's source: front-matter
 * schema errors at the line of the field, and formulas KaTeX could not render.
 */
import { findKatexErrors, lineOf } from '../lib/katex-errors.ts';
import { ContentError } from './content-error.ts';

/**
 * Astro's schema error lists "**field**: message" lines; report each against the
 * line where the field is written (or the front matter's first line).
 */
export function schemaErrors(message: string, text: string, display: string): ContentError[] {
  const issues = [...message.matchAll(/\*\*([\w.]+)\*\*: (.+)/g)];
  if (issues.length === 0) return [new ContentError(display, message.replace(/\*\*/g, ''))];
  return issues.map(([, field, detail]) => {
    const key = field!.split('.')[0]!;
    const line = text.split('\n').findIndex((row) => row.startsWith(`${key}:`));
    return new ContentError(display, `front matter: ${detail}`, line < 0 ? 2 : line + 1);
  });
}

/** A ContentError for each formula KaTeX could not render (checked on cached HTML too). */
export function checkFormulas(html: string, source: string, display: string): ContentError[] {
  return findKatexErrors(html).map(
    ({ tex, message }) => new ContentError(display, `invalid LaTeX in formula "${tex}": ${message}`, lineOf(source, tex)),
  );
}

