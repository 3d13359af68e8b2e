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

/** A segment, or a stretch of Chinese that ICU is still to cut. */
type Piece = Segment | string;

function icuSegments(text: string, out: Segment[]): void {
  for (const { segment, isWordLike } of segmenter.segment(text)) out.push({ segment, isWordLike: isWordLike ?? false });
}

/** About this many characters go to ICU per call: one call per stretch costs 4 times as much. */
const ICU_BATCH = 2000;

/**
 * ICU's segments of each stretch of Chinese, asked for a batch at a time: the stretches are
 * joined by newlines, at which ICU's word rules always break (and the dictionary
 * engine stops), so each stretch is cut as it would be alone.
 */
function icuSegmentsOfStretches(stretches: string[]): Segment[][] {
  const cut: Segment[][] = [];
  for (let first = 0; first < stretches.length;) {
    let last = first;
    let length = stretches[first]!.length;
    while (last + 1 < stretches.length && length + stretches[last + 1]!.length < ICU_BATCH) {
      last += 1;
      length += stretches[last]!.length + 1;
    }
    let current: Segment[] = [];
    cut.push(current);
    for (const { segment, isWordLike } of segmenter.segment(stretches.slice(first, last + 1).join('\n'))) {
      if (segment === '\n') {
        current = [];
        cut.push(current);
      } else current.push({ segment, isWordLike: isWordLike ?? false });
    }
    first = last + 1;
  }
  return cut;
}

/** The first two characters of every glossary word: most positions of a text start none. */
const STARTS = new Set(GLOSSARY.map((word) => word.slice(0, 2)));

/** Glossary words by forward longest match; the stretches between them left for ICU. */
function chineseSegments(run: string, out: Piece[]): void {
  // The glossary is all in the Basic Multilingual Plane, so code units will do.
  let rest = 0;
  let i = 0;
  outer: while (i < run.length - 1) {
    if (STARTS.has(run.slice(i, i + 2))) {
      for (let length = Math.min(LONGEST, run.length - i); length >= 2; length--) {
        const word = run.slice(i, i + length);
        if (WORDS.has(word)) {
          if (rest < i) out.push(run.slice(rest, i));
          out.push({ segment: word, isWordLike: true });
          i += length;
          rest = i;
          continue outer;
        }
      }
    }
    i += 1;
  }
  if (rest < run.length) out.push(run.slice(rest));
}

/**
 * The pieces of `text`. Where only the boundaries that touch Chinese matter (segmentText),
 * a stretch without Chinese is cut at Chinese punctuation only, not by ICU: the same
 * spaces result, and ICU's dictionary break iterator is the cost of indexing.
 */
function pieces(text: string, latinWords: boolean): Piece[] {
  const out: Piece[] = [];
  for (const [run] of text.matchAll(/\p{Script=Han}+|[^\p{Script=Han}]+/gu)) {
    if (HAN.test(run)) chineseSegments(run, out);
    else if (latinWords) icuSegments(run, out as Segment[]);
    else for (const [part] of run.matchAll(CJK_PUNCT_OR_NOT)) out.push({ segment: part, isWordLike: false });
  }
  return out;
}

/** The segments of each text, with ICU asked once for all their stretches of Chinese. */
function segmentsOfTexts(texts: string[], latinWords: boolean): Segment[][] {
  const piecesOfTexts = texts.map((text) => pieces(text, latinWords));
  const cut = icuSegmentsOfStretches(piecesOfTexts.flat().filter((piece) => typeof piece === 'string'));
  let next = 0;
  return piecesOfTexts.map((textPieces) =>
    textPieces.flatMap((piece) => (typeof piece === 'string' ? cut[next++]! : [piece])),
  );
}

function spacedText(segments: Segment[]): string {
  let out = '';
  let previous = '';
  for (const { segment } of segments) {
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

function hasChinese(text: string): boolean {
  return HAN.test(text) || CJK_PUNCT.test(text);
}

/**
 * Each text with a space between any two words where either side is Chinese; whitespace
 * as it was. The same as segmentText on each, in a fraction of the time for many texts.
 */
export function segmentTexts(texts: string[]): string[] {
  const chinese = texts.filter(hasChinese);
  const segmented = segmentsOfTexts(chinese, false).map(spacedText);
  let next = 0;
  return texts.map((text) => (hasChinese(text) ? segmented[next++]! : text));
}

/** `text` with a space between any two words where either side is Chinese; whitespace as it was. */
export function segmentText(text: string): string {
  return segmentTexts([text])[0]!;
}

/** The word-like segments of `text`, as the segmenter cuts them. */
export function segmentWords(text: string): string[] {
  return segmentsOfTexts([text], true)[0]!
    .filter((s) => s.isWordLike)
    .map((s) => s.segment);
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
