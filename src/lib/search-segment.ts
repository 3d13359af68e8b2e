/**
 * The one word segmenter of search, used when the index is written (Node) and on
 * every query (the browser). Chinese runs are cut by forward longest match against a
 * glossary of technical words (search-glossary.ts), and what the glossary does not
 * cover by ICU's dictionary through Intl.Segmenter, which Node 24 and current browsers
 * share. Pagefind splits text only at whitespace (the index is written with a language
 * it does not segment), so a space is put at every word boundary that touches a Chinese
 * character; Latin text, code and numbers are left as written and Pagefind's own rules
 * (lower case, compound parts) apply to them on both sides alike.
 */
import { GLOSSARY } from './search-glossary.ts';

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
const WORDS = new Set(GLOSSARY);
const LONGEST = Math.max(...GLOSSARY.map((word) => word.length));

const HAN = /\p{Script=Han}/u;
/** Chinese and full-width punctuation, curly quotes, ellipsis and dashes. */
const CJK_PUNCT = /[\u3000-\u303f\uff00-\uffef\u2018\u2019\u201c\u201d\u2026\u2014\u00b7]/u;

const CJK_PUNCT_OR_NOT =
  /[\u3000-\u303f\uff00-\uffef\u2018\u2019\u201c\u201d\u2026\u2014\u00b7]|[^\u3000-\u303f\uff00-\uffef\u2018\u2019\u201c\u201d\u2026\u2014\u00b7]+/gu;

function touchesChinese(segment: string): boolean {
  return HAN.test(segment) || CJK_PUNCT.test(segment);
}

interface Segment {
  segment: string;
  isWordLike: boolean;
}

function icuSegments(text: string, out: Segment[]): void {
  for (const { segment, isWordLike } of segmenter.segment(text)) out.push({ segment, isWordLike: isWordLike ?? false });
}

/** The first two characters of every glossary word: most positions of a text start none. */
const STARTS = new Set(GLOSSARY.map((word) => word.slice(0, 2)));

/** Glossary words by forward longest match; the stretches between them by ICU. */
function chineseSegments(run: string, out: Segment[]): void {
  // The glossary is all in the Basic Multilingual Plane, so code units will do.
  let rest = 0;
  let i = 0;
  outer: while (i < run.length - 1) {
    if (STARTS.has(run.slice(i, i + 2))) {
      for (let length = Math.min(LONGEST, run.length - i); length >= 2; length--) {
        const word = run.slice(i, i + length);
        if (WORDS.has(word)) {
          if (rest < i) icuSegments(run.slice(rest, i), out);
          out.push({ segment: word, isWordLike: true });
          i += length;
          rest = i;
          continue outer;
        }
      }
    }
    i += 1;
  }
  if (rest < run.length) icuSegments(run.slice(rest), out);
}

/**
 * The segments of `text`. Where only the boundaries that touch Chinese matter (segmentText),
 * a stretch without Chinese is cut at Chinese punctuation only, not by ICU: the same
 * spaces result, and ICU's dictionary break iterator is the cost of indexing.
 */
function segments(text: string, latinWords = true): Segment[] {
  const out: Segment[] = [];
  for (const [run] of text.matchAll(/\p{Script=Han}+|[^\p{Script=Han}]+/gu)) {
    if (HAN.test(run)) chineseSegments(run, out);
    else if (latinWords) icuSegments(run, out);
    else for (const [part] of run.matchAll(CJK_PUNCT_OR_NOT)) out.push({ segment: part, isWordLike: false });
  }
  return out;
}

/** `text` with a space between any two words where either side is Chinese; whitespace as it was. */
export function segmentText(text: string): string {
  if (!HAN.test(text) && !CJK_PUNCT.test(text)) return text;
  let out = '';
  let previous = '';
  for (const { segment } of segments(text, false)) {
    if (
      previous !== '' &&
      !/\s$/u.test(previous) &&
      !/^\s/u.test(segment) &&
      (touchesChinese(previous) || touchesChinese(segment))
    ) {
      out += ' ';
    }
    out += segment;
    previous = segment;
  }
  return out;
}

/** The word-like segments of `text`, as the segmenter cuts them. */
export function segmentWords(text: string): string[] {
  return [...segments(text)].filter((s) => s.isWordLike).map((s) => s.segment);
}

const JOINABLE = String.raw`\p{Script=Han}\u3000-\u303f\uff00-\uffef\u2018\u2019\u201c\u201d\u2026\u2014`;
const ASCII_PUNCT = String.raw`!-\/:-@\[-\x60{-~`;
/** Space between two Chinese characters, or between Chinese and punctuation, possibly across <mark> tags. */
const SEGMENT_SPACE = new RegExp(
  String.raw`([${JOINABLE}])((?:<\/?mark>)*) ((?:<\/?mark>)*)(?=[${JOINABLE}${ASCII_PUNCT}])` +
    String.raw`|([${ASCII_PUNCT}])((?:<\/?mark>)*) ((?:<\/?mark>)*)(?=[${JOINABLE}])` +
    String.raw`|([^\s])((?:<\/?mark>)*) ((?:<\/?mark>)*)(?=[\u3000-\u303f\uff00-\uffef\u201d\u2019])` +
    String.raw`|([\u3000-\u303f\uff00-\uffef\u201c\u2018])((?:<\/?mark>)*) ((?:<\/?mark>)*)(?=[^\s])`,
  'gu',
);

/**
 * Readable text (or Pagefind's excerpt HTML with <mark>) from segmented text: the
 * spaces the segmenter put between Chinese words and next to Chinese punctuation go;
 * spaces between Chinese and Latin words stay (where the source had none, "kd树",
 * the reader sees "kd 树").
 */
export function unsegment(text: string): string {
  // Twice: a match consumes its first character, so "的 分布式 训练" needs a second pass for odd neighbours.
  const once = (s: string) =>
    s.replace(SEGMENT_SPACE, (...m: string[]) => {
      for (const start of [1, 4, 7, 10]) if (m[start] !== undefined) return `${m[start]}${m[start + 1]}${m[start + 2]}`;
      return m[0]!;
    });
  return once(once(text));
}
