/**
 * Writes the Pagefind search index for a built site. Runs through Pagefind's Node
 * API so that an indexing error fails the build (the astro-pagefind integration
 * only logs it).
 *
 * Each post page is turned into the document Pagefind reads (searchDocument): only
 * the post body (data-pagefind-body) without furniture (code-block chrome, series
 * box, table of contents, breadcrumbs), formulas as readable text, title, tags and
 * description as searchable metadata, and every Chinese word boundary marked with a
 * space by the search segmenter (src/lib/search-segment.ts), which the search UI
 * runs on each query too. The document says lang="und" so that Pagefind splits it
 * at those spaces only, instead of cutting Chinese again with a segmenter of its own
 * that the browser does not share (docs/search.md).
 */
import { readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { readdirSync } from 'node:fs';
import * as pagefind from 'pagefind';
import { segmentText, segmentTexts } from '../lib/search-segment.ts';
import { texToPlain } from '../lib/tex-to-plain.ts';

export interface SearchIndexStats {
  pages: number;
}

/** The language the index is written in: one Pagefind neither stems nor segments. */
export const SEARCH_INDEX_LANGUAGE = 'und';

/** A Chinese character and the closing tags after it. */
const HAN_THEN_CLOSING = /(\p{Script=Han})(\s*)((?:<\/[a-z][a-z0-9]*>\s*)+)/gu;
/** Blocks Pagefind ends with ". " when their text ends in a letter (which includes every Chinese character). */
const SENTENCE_BLOCK = /<\/(?:h[1-6]|p|td|div|ul|li|article|section)>/;
/** Of those, the ones whose end reads as the end of a sentence (a paragraph may go on in a formula). */
const SENTENCE_END = /<\/(?:h[1-6]|li|td)>/;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(?:#x([0-9a-f]+)|#(\d+)|([a-z]+));/gi, (whole, hex: string, dec: string, name: string) =>
    hex ? String.fromCodePoint(parseInt(hex, 16)) : dec ? String.fromCodePoint(Number(dec)) : (ENTITIES[name] ?? whole),
  );
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Every KaTeX rendering (a third of a math-heavy page's bytes) replaced by its TeX
 * as plain text. The span nesting is counted rather than the page parsed: exact for
 * KaTeX's output, and much cheaper.
 */
export function formulasAsText(html: string): string {
  const open = /<span class="katex(?:-display)?"[^>]*>/g;
  let out = '';
  let from = 0;
  let match: RegExpExecArray | null;
  while ((match = open.exec(html)) !== null) {
    let depth = 0;
    const tags = /<span\b|<\/span>/g;
    tags.lastIndex = match.index;
    let end = html.length;
    let tag: RegExpExecArray | null;
    while ((tag = tags.exec(html)) !== null) {
      depth += tag[0] === '</span>' ? -1 : 1;
      if (depth === 0) {
        end = tags.lastIndex;
        break;
      }
    }
    const rendering = html.slice(match.index, end);
    const tex = /<annotation encoding="application\/x-tex">([\s\S]*?)<\/annotation>/.exec(rendering)?.[1] ?? '';
    out += `${html.slice(from, match.index)} ${escapeText(texToPlain(decodeEntities(tex)))} `;
    from = end;
    open.lastIndex = end;
  }
  return out + html.slice(from);
}

/** Text between tags cut into words (all of a page's text at once); tags (and so attribute values) as they are. */
function segmentHtml(html: string): string {
  const texts = [...html.matchAll(/>([^<]+)</g)].map((match) => match[1]!);
  const segmented = segmentTexts(texts);
  let next = 0;
  return html.replace(/>([^<]+)</g, () => `>${segmented[next++]!}<`);
}

/**
 * The HTML Pagefind indexes for one built post page, or undefined for a page without
 * a post body: the page's <article data-pagefind-body> (Pagefind drops what is marked
 * data-pagefind-ignore in it: code-block chrome, series box, contents, breadcrumbs)
 * with formulas as text, the title and the prose cut into words, and tags and
 * description as metadata. Works on the HTML text, which the build wrote: parsing a
 * math-heavy page costs more than indexing it.
 */
export function searchDocument(html: string): string | undefined {
  const start = html.indexOf('<article');
  const end = html.lastIndexOf('</article>');
  if (start < 0 || end < 0 || !html.slice(start, html.indexOf('>', start)).includes('data-pagefind-body'))
    return undefined;
  const article = formulasAsText(html.slice(start, end + '</article>'.length))
    // Shiki's colour spans carry no text of their own: the code reads the same without them.
    .replace(/<pre\b[\s\S]*?<\/pre>/g, (pre) => pre.replace(/<\/?span\b[^>]*>/g, ''))
    // The empty "#" link after each heading would keep the heading's end from being seen.
    .replace(/<a class="heading-anchor"[^>]*><\/a>/g, '');
  // The header's date, category and tags stay as written: they are metadata and a filter, not indexed text.
  const prose = article.search(/<div class="prose"/);
  const header = prose < 0 ? article : article.slice(0, prose);
  const body = prose < 0 ? '' : article.slice(prose);
  // A block that ends in a Chinese word would get ". " from Pagefind; a zero-width
  // space ends it instead, and after a heading, list item or cell a full stop keeps the
  // excerpt readable ("原理总结。主成分分析"). A paragraph gets none: the display formula
  // that often follows it belongs to its sentence ("对数似然为 ℓ(μ, σ^2) = …").
  const endBlocks = (html: string) =>
    html.replace(HAN_THEN_CLOSING, (whole, han: string, space: string, closing: string) => {
      if (!SENTENCE_BLOCK.test(closing)) return whole;
      return `${han}\u200B${space}${closing}${SENTENCE_END.test(closing) ? ' 。 ' : ' '}`;
    });
  // The title shown in results is the title as written; its words are searched as title_words.
  let titleAsWritten = '';
  const title = header.replace(/(<h1\b[^>]*)>([^<]*)<\/h1>/, (_, open: string, text: string) => {
    titleAsWritten = decodeEntities(text);
    return endBlocks(`${open.replace(' data-pagefind-meta="title"', '')}>${segmentText(text)}</h1>`);
  });
  const text = endBlocks(segmentHtml(body));
  const tags = [...header.matchAll(/<a href="[^"]*\/tags\/[^"]*"[^>]*>#([^<]*)<\/a>/g)]
    .map((m) => decodeEntities(m[1]!))
    .join(' ');
  const description = decodeEntities(/<meta name="description" content="([^"]*)"/.exec(html)?.[1] ?? '');
  const meta =
    `<div data-pagefind-ignore><span data-pagefind-meta="title">${escapeText(titleAsWritten)}</span>` +
    `<span data-pagefind-meta="title_words">${escapeText(segmentText(titleAsWritten))}</span>` +
    `<span data-pagefind-meta="tags">${escapeText(segmentText(tags))}</span>` +
    `<span data-pagefind-meta="description">${escapeText(segmentText(description))}</span></div>`;
  const closing = text.lastIndexOf('</article>');
  return `<html lang="${SEARCH_INDEX_LANGUAGE}"><body>${title}${text.slice(0, closing)}${meta}</article></body></html>`;
}

function postPages(siteDir: string): string[] {
  const dir = join(siteDir, 'posts');
  let entries;
  try {
    entries = readdirSync(dir, { recursive: true, withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => relative(siteDir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

/** A page's search document, named by its path in the site (posts/<slug>/index.html). */
export interface SearchDocument {
  sourcePath: string;
  content: string;
}

type PagefindIndex = NonNullable<Awaited<ReturnType<typeof pagefind.createIndex>>['index']>;

async function createSearchIndex(): Promise<PagefindIndex> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  return index;
}

/**
 * Hands documents to Pagefind in the order they come (so the index is the same for the
 * same documents) without waiting for each to be indexed: Pagefind, a process of its
 * own, indexes one while this process prepares the next. done() waits for all and
 * throws the first indexing error.
 */
function searchIndexFeeder(index: PagefindIndex): { add(document: SearchDocument): void; done(): Promise<number> } {
  const added: Promise<string | undefined>[] = [];
  return {
    add(document) {
      added.push(
        index.addHTMLFile(document).then(
          (result) => (result.errors.length > 0 ? `${document.sourcePath}: ${result.errors.join('; ')}` : undefined),
          (error: unknown) => `${document.sourcePath}: ${String(error)}`,
        ),
      );
    },
    async done() {
      const problems = (await Promise.all(added)).filter((problem) => problem !== undefined);
      if (problems.length > 0) throw new Error(`Pagefind could not index ${problems[0]}`);
      return added.length;
    },
  };
}

/**
 * Writes the index of the site's post pages into <siteDir>/pagefind. `onIndexed` is called
 * once Pagefind has every page and only writing its files is left (one core's work).
 */
export async function writeSearchIndex(siteDir: string, onIndexed?: () => void): Promise<SearchIndexStats> {
  const index = await createSearchIndex();
  try {
    const feeder = searchIndexFeeder(index);
    // Only post pages carry data-pagefind-body; the feed, tag and category pages are not read.
    // Each read lets the documents handed over so far go out to Pagefind.
    for (const sourcePath of postPages(siteDir)) {
      const content = searchDocument(await readFile(join(siteDir, sourcePath), 'utf8'));
      if (content !== undefined) feeder.add({ sourcePath, content });
    }
    const pages = await feeder.done();
    onIndexed?.();
    const written = await index.writeFiles({ outputPath: `${siteDir}/pagefind` });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
    return { pages };
  } finally {
    await pagefind.close();
  }
}

/**
 * The files of an index of these documents, in memory (for the dev server, which
 * serves them itself). Pagefind's service stays up for the next call; closeSearchIndexer()
 * ends it.
 */
export async function searchIndexFiles(documents: SearchDocument[]): Promise<Map<string, Uint8Array>> {
  const index = await createSearchIndex();
  try {
    const feeder = searchIndexFeeder(index);
    for (const document of documents) feeder.add(document);
    await feeder.done();
    const { files, errors } = await index.getFiles();
    if (errors.length > 0) throw new Error(`Pagefind could not write its index: ${errors.join('; ')}`);
    return new Map(files.map((file) => [file.path, file.content]));
  } finally {
    await index.deleteIndex();
  }
}

export async function closeSearchIndexer(): Promise<void> {
  await pagefind.close();
}
