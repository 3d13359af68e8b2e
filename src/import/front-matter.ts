/**
 * A source post's front matter (YAML `---` or Hugo's TOML `+++`) mapped to this
 * blog's fields (README, "Front matter"). Every field that is dropped or mapped
 * is named in `notes`, so the import report can list it.
 */
import { parse as parseToml } from 'smol-toml';
import { parseDocument } from 'yaml';
import { CATEGORIES, site, type Category } from '../site.config.ts';
import { parseCalendarText } from '../lib/dates.ts';

export interface SplitPost {
  data: Record<string, unknown>;
  body: string;
  /** 1-based line of the file on which the body starts. */
  bodyLine: number;
}

/** Splits off YAML (`---`) or TOML (`+++`) front matter; a file without any has empty data. */
export function splitSourcePost(text: string): SplitPost | { error: string; line: number } {
  const source = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const match = /^(---|\+\+\+)[ \t]*\n([\s\S]*?\n)?\1[ \t]*(?:\n|$)/.exec(source);
  if (!match) return { data: {}, body: source, bodyLine: 1 };
  const bodyLine = match[0].split('\n').length;
  const body = source.slice(match[0].length);
  const raw = match[2] ?? '';
  if (match[1] === '+++') {
    try {
      return { data: parseToml(raw) as Record<string, unknown>, body, bodyLine };
    } catch (error) {
      return { error: `invalid TOML front matter: ${(error as Error).message.split('\n')[0]}`, line: 2 };
    }
  }
  // YAML 1.2 core schema: a date stays the text the author wrote (Hexo's `2024-03-11 07:30:00` is a local
  // time, not the UTC instant a YAML 1.1 timestamp would make of it), and this blog reads it as such.
  const document = parseDocument(raw, { version: '1.2', schema: 'core', uniqueKeys: false });
  if (document.errors[0]) {
    const error = document.errors[0];
    return {
      error: `invalid YAML front matter: ${error.message.split('\n')[0]}`,
      line: (error.linePos?.[0]?.line ?? 0) + 1,
    };
  }
  const data = document.toJS() as unknown;
  return {
    data: data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {},
    body,
    bodyLine,
  };
}

export interface MappedFrontMatter {
  title?: string;
  date?: string;
  updated?: string;
  category: Category;
  tags: string[];
  description?: string;
  draft?: boolean;
  slug?: string;
  series?: string;
  pinned?: boolean;
}

export interface FrontMatterNotes {
  /** "categories [深度学习, PyTorch] → category 深度学习, tags +PyTorch" and the like. */
  mapped: string[];
  /** Fields of other tools that this blog has no use for. */
  dropped: string[];
  /** What the author should look at. */
  attention: string[];
}

/** Fields only other generators read (themes, comments, MathJax switches, layout). */
const GENERATOR_ONLY = new Set([
  'layout',
  'mathjax',
  'katex',
  'math',
  'toc',
  'comments',
  'comment',
  'author',
  'authors',
  'permalink',
  'url',
  'aliases',
  'weight',
  'type',
  'cover',
  'image',
  'thumbnail',
  'banner',
  'img',
  'sticky',
  'password',
  'copyright',
  'reward',
  'share',
  'sidebar',
  'lang',
  'language',
  'hidden',
  'menu',
  'keywords',
  'photos',
  'header',
  'showtoc',
  'tocopen',
  'hidemeta',
  'disableshare',
  'cssclass',
  'cssclasses',
  'aliases',
  'publish',
  'uid',
  'id',
  'abbrlink',
]);

const list = (value: unknown): string[] => {
  if (Array.isArray(value))
    return value
      .flat(Infinity)
      .map(String)
      .map((item) => item.trim())
      .filter(Boolean);
  if (typeof value === 'string')
    return value
      .split(/[,，、]|\s+(?=#)/)
      .map((item) => item.trim().replace(/^#/, ''))
      .filter(Boolean);
  return [];
};

/** A date value as the text this blog reads. TOML dates print as written (local, or with their offset). */
function dateText(value: unknown): string | undefined {
  if (value instanceof Date && 'isDate' in value) return value.toISOString().replace(/\.000(?=$|[Z+-])/, '');
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return undefined;
    const iso = value.toISOString();
    // A date alone (YAML `2024-03-11`, TOML local date) was midnight UTC: keep it a calendar date.
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.replace('.000Z', 'Z');
  }
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  return undefined;
}

function mapCategory(candidates: string[], notes: FrontMatterNotes): { category: Category; rest: string[] } {
  for (const [index, candidate] of candidates.entries()) {
    const exact = CATEGORIES.find((category) => category.toLowerCase() === candidate.toLowerCase());
    const mapped = exact ?? site.importCategories[candidate.toLowerCase()];
    if (mapped) {
      if (!exact) notes.mapped.push(`category "${candidate}" → ${mapped} (importCategories in src/site.config.ts)`);
      return { category: mapped, rest: candidates.filter((_, other) => other !== index) };
    }
  }
  const fallback = site.importFallbackCategory;
  notes.attention.push(
    candidates.length === 0
      ? `no category: set to ${fallback}`
      : `category ${candidates.map((c) => `"${c}"`).join(', ')} is none of ${CATEGORIES.join(', ')}: set to ${fallback}, the source's kept as tags (map it in importCategories)`,
  );
  return { category: fallback, rest: candidates };
}

export interface MapContext {
  /** Date from the file name (Jekyll's 2024-03-11-title.md), if any. */
  fileDate?: string;
  /** Used when the post has no date at all (the file's modification time, in the site's zone). */
  fallbackDate: string;
  /** The first `# heading` of the body, when the front matter has no title. */
  headingTitle?: string;
  /** The file name without extension. */
  fileTitle: string;
}

export function mapFrontMatter(
  data: Record<string, unknown>,
  context: MapContext,
): { front: MappedFrontMatter; notes: FrontMatterNotes } {
  const notes: FrontMatterNotes = { mapped: [], dropped: [], attention: [] };
  const lower = new Map(Object.entries(data).map(([key, value]) => [key.toLowerCase(), value]));
  const take = (...keys: string[]) => {
    for (const key of keys) {
      if (lower.has(key)) {
        const value = lower.get(key);
        for (const other of keys) lower.delete(other);
        return value;
      }
    }
    return undefined;
  };

  let title = typeof data['title'] === 'string' ? data['title'].trim() : undefined;
  take('title');
  if (!title) {
    title = context.headingTitle ?? context.fileTitle;
    notes.mapped.push(`title from ${context.headingTitle ? 'the first heading' : 'the file name'}: "${title}"`);
  }

  let date = dateText(take('date', 'created', 'pubdate', 'publishdate'));
  if (!date && context.fileDate) {
    date = context.fileDate;
    notes.mapped.push(`date ${date} from the file name`);
  }
  if (!date) {
    date = context.fallbackDate;
    notes.attention.push(`no date: set to the file's modification time, ${date}`);
  } else if (typeof parseCalendarText(date) === 'string') {
    notes.attention.push(`date "${date}" is not a date this blog reads: fix it by hand`);
  }
  const updatedKey = ['updated', 'lastmod', 'last_modified_at', 'modified'].find((key) => lower.has(key));
  const updated = dateText(take('updated', 'lastmod', 'last_modified_at', 'modified'));
  if (updated && updatedKey !== 'updated') notes.mapped.push(`${updatedKey} → updated`);

  const sourceCategories = list(take('categories', 'category'));
  const sourceTags = list(take('tags', 'tag', 'keywords'));
  const { category, rest } = mapCategory(
    [...sourceCategories, ...(sourceCategories.length === 0 ? sourceTags : [])],
    notes,
  );
  const tags = [...new Set([...rest, ...sourceTags].filter((tag) => tag !== category))];

  const descriptionKey = ['description', 'summary', 'excerpt', 'subtitle'].find((key) => lower.has(key));
  const description = take('description', 'summary', 'excerpt', 'subtitle');
  if (descriptionKey && descriptionKey !== 'description') notes.mapped.push(`${descriptionKey} → description`);

  let draft: boolean | undefined;
  const draftValue = take('draft');
  const published = take('published');
  if (draftValue === true || published === false) {
    draft = true;
    notes.mapped.push(draftValue === true ? 'draft: true kept' : 'published: false → draft: true');
  }
  const top = take('top', 'pinned', 'sticky');
  const pinned = top === true || (typeof top === 'number' && top > 0) ? true : undefined;
  if (pinned) notes.mapped.push('top → pinned');
  const slugValue = take('slug');
  const seriesValue = take('series');
  const series = Array.isArray(seriesValue)
    ? String(seriesValue[0] ?? '')
    : typeof seriesValue === 'string'
      ? seriesValue
      : undefined;

  for (const key of [...lower.keys()].sort()) {
    notes.dropped.push(GENERATOR_ONLY.has(key) ? key : `${key} (unknown here)`);
  }

  const front: MappedFrontMatter = { title, date, category, tags };
  if (updated) front.updated = updated;
  if (typeof description === 'string' && description.trim() !== '') front.description = description.trim();
  if (draft) front.draft = true;
  if (typeof slugValue === 'string' && slugValue.trim() !== '') front.slug = slugValue.trim();
  if (series && series.trim() !== '') front.series = series.trim();
  if (pinned) front.pinned = true;
  return { front, notes };
}

/** Jekyll's date in a file name: 2024-03-11-title.md → "2024-03-11" and "title". */
export function jekyllFileName(name: string): { date?: string; rest: string } {
  const match = /^(\d{4}-\d{1,2}-\d{1,2})-(.+)$/.exec(name);
  return match ? { date: match[1]!, rest: match[2]! } : { rest: name };
}
