/** Which headings a post's table of contents lists (h2 and h3, not the footnotes' label). */
import type { MarkdownHeading } from 'astro';

export function tocEntries(headings: MarkdownHeading[]): MarkdownHeading[] {
  return headings.filter((heading) => heading.depth >= 2 && heading.depth <= 3 && heading.slug !== 'footnote-label');
}

/** A table of contents is shown only for two entries or more. */
export function hasToc(headings: MarkdownHeading[]): boolean {
  return tocEntries(headings).length > 1;
}
