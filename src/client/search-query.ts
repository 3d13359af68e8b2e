/**
 * A search as the reader's query asks it, shared by the search UI and the search
 * benchmark (scripts/bench/search.ts), so that what is measured is what readers get:
 * the query cut by the same segmenter as the index, posts holding the words as
 * written (an exact phrase) ahead of posts holding them scattered, and hits that
 * only matched through Pagefind's fallback (a shorter indexed word that the query
 * begins with: "zzzzqqq" → "z") dropped.
 */
import { segmentText, unsegment } from '../lib/search-segment.ts';
import { texToPlain } from '../lib/tex-to-plain.ts';

export interface PagefindSubResult {
  title: string;
  url: string;
  excerpt: string;
}
export interface PagefindResultData {
  url: string;
  content: string;
  excerpt: string;
  locations: number[];
  meta: Record<string, string | undefined>;
  sub_results: PagefindSubResult[];
}
export interface PagefindResult {
  id: string;
  data(): Promise<PagefindResultData>;
}
export interface PagefindApi {
  search(query: string, options?: { filters?: Record<string, string> }): Promise<{ results: PagefindResult[] } | null>;
}

export interface Hit {
  data: PagefindResultData;
  /** Whether the query's words stand together in the post, as typed. */
  phrase: boolean;
}

/**
 * Pagefind's ranking, tuned on the benchmark (docs/search.md): metadata words count
 * beyond the body: the title's words most, then tags, then the description. (`title`
 * is the title as written, for display; its words are `title_words`.)
 */
export const SEARCH_RANKING = {
  metaWeights: { title: 0, title_words: 5, tags: 3, description: 1.5, category: 0, date: 0 },
};

/** How many results are loaded, checked and shown. */
export const RESULTS_SHOWN = 20;

/** The query as Pagefind gets it: TeX commands as the index has formulas ("\sigma" → σ), Chinese cut into words. */
export function prepareQuery(query: string): string {
  const tex = query.replace(/\\[A-Za-z]+/g, (command) => ` ${texToPlain(command)} `);
  return segmentText(tex).replace(/\s+/g, ' ').trim();
}

/** A word as Pagefind keys it: lower case, letters, digits and underscores only. */
function normalize(word: string): string {
  return word.toLowerCase().replace(/[^\p{L}\p{N}_]/gu, '');
}

/** The words of a text as Pagefind keys them (normalize on each, in one pass over the text). */
function normalizedWords(text: string | undefined): string[] {
  return (text ?? '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}_ ]/gu, '')
    .split(' ')
    .filter((word) => word !== '');
}

export function queryTerms(prepared: string): string[] {
  return prepared
    .split(' ')
    .map(normalize)
    .filter((term) => term !== '');
}

/** Whether each term of the query is found in the hit (in its matched words or its title), not a shorter word. */
export function coversQuery(terms: string[], data: PagefindResultData): boolean {
  const words = data.content.split(' ');
  const matched = data.locations.map((location) => normalize(words[location] ?? ''));
  const title = normalize(data.meta['title'] ?? '');
  const metadata = normalize(Object.values(data.meta).join(' '));
  return terms.every(
    (term) => matched.some((word) => word.includes(term)) || title.includes(term) || metadata.includes(term),
  );
}

/** Readable text from the index's segmented text (title, excerpt), without the marks that end a block. */
export function displayText(text: string): string {
  // A stop the index put after a block that already ended with one is dropped.
  return unsegment(text.replace(/\u200B/g, ''))
    .replace(/。(?:\s*。)+/gu, '。')
    .trim();
}

async function rankedHits(api: PagefindApi, prepared: string, filters?: Record<string, string>): Promise<Hit[]> {
  const terms = queryTerms(prepared);
  if (terms.length === 0) return [];
  const options = filters ? { filters } : {};
  const [found, exact] = await Promise.all([
    api.search(prepared, options),
    terms.length > 1 ? api.search(`"${prepared}"`, options) : Promise.resolve(null),
  ]);
  const phraseIds = new Set((exact?.results ?? []).map((result) => result.id));
  const results = found?.results ?? [];
  // Phrase hits first, each group in Pagefind's order (a stable partition).
  const ordered = [...results.filter((r) => phraseIds.has(r.id)), ...results.filter((r) => !phraseIds.has(r.id))];
  const data = await Promise.all(ordered.slice(0, RESULTS_SHOWN).map((result) => result.data()));
  const hits = data
    .map((d, i) => ({ data: d, phrase: phraseIds.has(ordered[i]!.id) }))
    .filter((hit) => coversQuery(terms, hit.data));
  return terms.length > 1 ? byPhraseFrequency(hits, terms) : hits;
}

/** How often the terms stand together, in order, in a hit's text (the last one as a prefix). */
function phraseCount(words: string[], terms: string[]): number {
  let count = 0;
  for (let i = 0; i + terms.length <= words.length; i++) {
    if (terms.every((term, j) => (j === terms.length - 1 ? words[i + j]!.startsWith(term) : words[i + j] === term)))
      count += 1;
  }
  return count;
}

/**
 * Phrase hits ordered by how often the phrase occurs, saturated and normalised for
 * the post's length as BM25 does a word (Pagefind scores each word on its own, so a
 * post full of 回归 outranks one full of 线性回归); then the other hits as they came.
 */
function byPhraseFrequency(hits: Hit[], terms: string[]): Hit[] {
  const phrase = hits.filter((hit) => hit.phrase);
  if (phrase.length < 2) return hits;
  const texts = phrase.map((hit) => normalizedWords(hit.data.content));
  const average = texts.reduce((sum, body) => sum + body.length, 0) / texts.length;
  const k1 = 1.2;
  const b = 0.75;
  const scores = texts.map((body, i) => {
    const meta = phrase[i]!.data.meta;
    // In the title, tags or description the phrase says what the post is about: it counts as much as a few mentions.
    const inMeta = ['title_words', 'tags', 'description'].reduce(
      (sum, key) => sum + phraseCount(normalizedWords(meta[key]), terms),
      0,
    );
    const tf = phraseCount(body, terms) + 3 * inMeta;
    return (tf * (k1 + 1)) / (tf + k1 * (1 - b + (b * body.length) / average));
  });
  const ranked = phrase.map((hit, i) => ({ hit, score: scores[i]!, i })).sort((x, y) => y.score - x.score || x.i - y.i);
  return [...ranked.map((entry) => entry.hit), ...hits.filter((hit) => !hit.phrase)];
}

/**
 * The posts for a query, best first. When the words of the query find nothing, the
 * query is tried again as the reader typed it, each run of Chinese as one term: a
 * part of a longer word (贝叶 of 贝叶斯) then matches as its beginning.
 */
export async function searchPosts(api: PagefindApi, query: string, filters?: Record<string, string>): Promise<Hit[]> {
  const prepared = prepareQuery(query);
  const hits = await rankedHits(api, prepared, filters);
  if (hits.length > 0) return hits;
  const typed = query
    .replace(/\\[A-Za-z]+/g, (command) => ` ${texToPlain(command)} `)
    .replace(/\s+/g, ' ')
    .trim();
  return typed !== prepared ? rankedHits(api, typed, filters) : [];
}
