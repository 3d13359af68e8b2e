/**
 * Length and reading time of a post, counted the way Chinese readers read:
 * Han characters (about 350 a minute) and Latin words (about 200 a minute)
 * separately. Code blocks, math, HTML and image text are not counted.
 */
import { markdownToSegments, type TextSegment } from './markdown-text.ts';

export const HAN_PER_MINUTE = 350;
export const WORDS_PER_MINUTE = 200;

export interface ReadingStats {
  /** Han characters in the prose. */
  hanCharacters: number;
  /** Latin-script words and numbers in the prose. */
  latinWords: number;
  /** Whole minutes, at least 1 for a non-empty post. */
  minutes: number;
}

const HAN = /\p{Script=Han}/gu;
const LATIN_WORD = /[\p{Script=Latin}\d]+(?:['’.-][\p{Script=Latin}\d]+)*/gu;

export function countProse(text: string): { hanCharacters: number; latinWords: number } {
  return { hanCharacters: text.match(HAN)?.length ?? 0, latinWords: text.match(LATIN_WORD)?.length ?? 0 };
}

export function readingStats(source: string, format: 'md' | 'mdx' = 'md'): ReadingStats {
  return readingStatsOf(markdownToSegments(source, format));
}

/** Reading stats of prose segments already extracted from a post. */
export function readingStatsOf(segments: readonly TextSegment[]): ReadingStats {
  const prose = segments
    .filter((segment) => !segment.atomic)
    .map((segment) => segment.text)
    .join(' ');
  const { hanCharacters, latinWords } = countProse(prose);
  const exact = hanCharacters / HAN_PER_MINUTE + latinWords / WORDS_PER_MINUTE;
  return { hanCharacters, latinWords, minutes: exact === 0 ? 0 : Math.max(1, Math.round(exact)) };
}
