/**
 * Card excerpts: about `maxLength` user-perceived characters (grapheme clusters,
 * so an emoji or a ZWJ sequence is never split), cut between characters and
 * never inside an inline formula, ending with "..." as on the feed.
 */
import { markdownToSegments, type TextSegment } from './markdown-text.ts';

const graphemes = new Intl.Segmenter('zh', { granularity: 'grapheme' });
const ELLIPSIS = '...';
/** Final punctuation dropped before the ellipsis, so a card never reads "。..." */
const TRAILING_PUNCTUATION = /[\s，。、；：！？,.;:!?…]+$/u;

function splitGraphemes(text: string): string[] {
  return Array.from(graphemes.segment(text), (part) => part.segment);
}

/** Joins segments up to `maxLength` graphemes; an atomic segment that does not fit is left out whole. */
export function truncateSegments(segments: readonly TextSegment[], maxLength: number): string {
  let out = '';
  let used = 0;
  for (const segment of segments) {
    const parts = splitGraphemes(segment.text);
    if (used + parts.length <= maxLength) {
      out += segment.text;
      used += parts.length;
      continue;
    }
    if (!segment.atomic) out += parts.slice(0, maxLength - used).join('');
    break;
  }
  return out;
}

/** Excerpt of prose text (a description, or text already stripped of markup). */
export function excerptFromText(text: string, maxLength: number): string {
  return finish(truncateSegments([{ text: text.replace(/\s+/g, ' ').trim(), atomic: false }], maxLength));
}

/** Excerpt of a Markdown/MDX body: markup, code, display math and HTML stripped first. */
export function excerptFromMarkdown(source: string, maxLength: number, format: 'md' | 'mdx' = 'md'): string {
  return excerptFromSegments(markdownToSegments(source, format), maxLength);
}

/** Excerpt of prose segments already extracted from a post. */
export function excerptFromSegments(segments: readonly TextSegment[], maxLength: number): string {
  return finish(truncateSegments(segments, maxLength));
}

function finish(text: string): string {
  const body = text.replace(TRAILING_PUNCTUATION, '');
  return body === '' ? '' : `${body}${ELLIPSIS}`;
}
