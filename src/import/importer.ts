/**
 * `npm run import`: brings a folder of posts written for another tool into the
 * content folder, one `<slug>/index.md` per source post with its images beside
 * it, and returns a report of everything it did, skipped or could not do.
 * It never overwrites a post that is already there (unless `force`) and writes
 * the same files when run again (the output depends only on the sources).
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve, sep } from 'node:path';
import { Document } from 'yaml';
import { excerptFromMarkdown } from '../lib/excerpt.ts';
import { formatIsoDateTime } from '../lib/dates.ts';
import { markdownToSegments } from '../lib/markdown-text.ts';
import { normalizeSlug } from '../lib/slug.ts';
import { slugFromTitle } from '../lib/title-slug.ts';
import { readPostSummaries } from '../content/post-files.ts';
import { site } from '../site.config.ts';
import { convertConstructs, splitMoreMark, type ImageRef } from './constructs.ts';
import { jekyllFileName, mapFrontMatter, splitSourcePost, type MappedFrontMatter } from './front-matter.ts';
import { detectSourceKind, findSourcePosts, type SourceKind } from './source-kind.ts';

export interface ImportOptions {
  /** The folder to import from. */
  from: string;
  kind?: SourceKind;
  /** The content folder to write to (absolute). */
  contentDir: string;
  /** The project root (for messages and the existing posts' slugs). */
  root: string;
  dryRun: boolean;
  force: boolean;
}

export interface PostReport {
  source: string;
  slug: string;
  target: string;
  status: 'written' | 'unchanged' | 'skipped';
  why?: string;
  mapped: string[];
  dropped: string[];
  conversions: string[];
  attention: string[];
  images: number;
}

export interface ImportReport {
  kind: SourceKind;
  because: string;
  posts: PostReport[];
}

/** Keys by which other posts may name a post: file name, path without extension, title. */
function lookupKeys(display: string, title: string): string[] {
  const withoutExt = display.replace(/\.(?:md|markdown|mdx)$/i, '');
  const keys = [withoutExt, basename(withoutExt), title, display, basename(display)];
  // A page bundle (Hugo's bundle/index.md) is named by its folder.
  if (basename(withoutExt).toLowerCase() === 'index' && dirname(withoutExt) !== '.')
    keys.unshift(dirname(withoutExt), basename(dirname(withoutExt)));
  return [...new Set(keys.map((key) => key.toLowerCase().replace(/^\.?\//, '')))];
}

/** Where a site-root path (`/images/x.png`) lives in each tool's folder layout. */
const ROOT_FOLDERS = ['static', 'source', 'public', 'assets', 'docs', '.'];

export function runImport(options: ImportOptions): ImportReport {
  const from = resolve(options.from);
  const detected = options.kind ? { kind: options.kind, because: '--from' } : detectSourceKind(from);
  const { postsDir, posts } = findSourcePosts(from, detected.kind);
  const existing = new Map(readPostSummaries(options.contentDir, options.root).map((post) => [post.slug, post]));

  // First pass: every post's slug, so links between imported posts can be rewritten.
  const planned = posts.map(({ file, display }) => {
    const text = readFileSync(file, 'utf8');
    const split = splitSourcePost(text);
    const name = basename(file).replace(/\.(?:md|markdown|mdx)$/i, '');
    const folderName = name.toLowerCase() === 'index' ? basename(dirname(file)) : name;
    const { date: fileDate, rest } =
      detected.kind === 'jekyll' || detected.kind === 'hexo' ? jekyllFileName(folderName) : { rest: folderName };
    const data = 'error' in split ? {} : split.data;
    const body = 'error' in split ? text : split.body;
    const headingTitle = /^#\s+(.+?)\s*#*\s*$/m.exec(body)?.[1];
    const title =
      typeof data['title'] === 'string' && data['title'].trim() ? data['title'].trim() : (headingTitle ?? rest);
    const wanted = typeof data['slug'] === 'string' ? data['slug'] : rest;
    const slug = normalizeSlug(wanted) || slugFromTitle(title) || 'post';
    return {
      file,
      display: relative(postsDir, file).split(sep).join('/'),
      shownAs: display,
      text,
      split,
      fileDate,
      rest,
      headingTitle,
      title,
      slug,
    };
  });
  const taken = new Set<string>();
  for (const post of planned) {
    let slug = post.slug;
    for (let n = 2; taken.has(slug); n++) slug = `${post.slug}-${n}`;
    taken.add(slug);
    post.slug = slug;
  }
  const bySlugKey = new Map<string, string>();
  for (const post of planned)
    for (const key of lookupKeys(post.display, post.title))
      if (key !== 'index' && !bySlugKey.has(key)) bySlugKey.set(key, post.slug);

  let vaultFiles: Map<string, string> | undefined;
  const vault = () =>
    (vaultFiles ??= new Map(
      readdirSync(from, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile() && !entry.parentPath.includes(`${sep}.`))
        .map((entry) => [entry.name.toLowerCase(), join(entry.parentPath, entry.name)] as const)
        .sort(([a], [b]) => (a < b ? -1 : 1)),
    ));

  const reports: PostReport[] = [];
  for (const post of planned) {
    const target = join(options.contentDir, post.slug, post.file.endsWith('.mdx') ? 'index.mdx' : 'index.md');
    const report: PostReport = {
      source: post.shownAs,
      slug: post.slug,
      target: relative(options.root, target).split(sep).join('/'),
      status: 'written',
      mapped: [],
      dropped: [],
      conversions: [],
      attention: [],
      images: 0,
    };
    reports.push(report);
    if ('error' in post.split) {
      report.status = 'skipped';
      report.why = `${post.shownAs}:${post.split.line}: ${post.split.error}`;
      continue;
    }
    if (post.slug !== post.rest && normalizeSlug(post.rest) !== post.slug) report.mapped.push(`slug "${post.slug}"`);
    const owner = existing.get(post.slug);
    if (owner !== undefined && resolve(owner.path) !== resolve(target)) {
      report.status = 'skipped';
      report.why = `the slug "${post.slug}" is already used by ${owner.display}`;
      continue;
    }

    const { front, notes } = mapFrontMatter(post.split.data, {
      ...(post.fileDate ? { fileDate: post.fileDate } : {}),
      ...(post.headingTitle ? { headingTitle: post.headingTitle } : {}),
      fileTitle: post.rest,
      fallbackDate: formatIsoDateTime(statSync(post.file).mtime, site.timeZone),
    });
    report.mapped.push(...notes.mapped);
    report.dropped.push(...notes.dropped);
    report.attention.push(...notes.attention);

    const copies = new Map<string, string>(); // target name → source file
    const imageFor = (ref: ImageRef, line: number): string => {
      const clean = ref.written.split(/[?#]/)[0]!;
      const candidates =
        ref.lookup === 'vault'
          ? [vault().get(basename(clean).toLowerCase()) ?? '']
          : ref.lookup === 'root'
            ? ROOT_FOLDERS.map((folder) => join(from, folder, clean))
            : ref.lookup === 'hexo-asset'
              ? [
                  join(dirname(post.file), basename(post.file, extname(post.file)), clean),
                  join(dirname(post.file), clean),
                ]
              : [resolve(dirname(post.file), clean)];
      const found = candidates.find(
        (candidate) => candidate !== '' && existsSync(candidate) && statSync(candidate).isFile(),
      );
      if (!found) {
        report.attention.push(
          `${post.shownAs}:${line}: image "${ref.written}" not found; left as written (the build will name it)`,
        );
        return ref.written;
      }
      let name = basename(found);
      if (copies.has(name) && copies.get(name) !== found) name = `${basename(dirname(found))}-${name}`;
      copies.set(name, found);
      return `./${name}`;
    };
    // A title taken from the body's `# heading` is the page's title: the heading itself goes (wherever it is).
    const usedHeading =
      post.headingTitle !== undefined &&
      front.title === post.headingTitle &&
      typeof post.split.data['title'] !== 'string';
    const body = usedHeading ? post.split.body.replace(/^#\s+.+$/m, '') : post.split.body; // an empty line keeps the report's line numbers
    const converted = convertConstructs(body, post.split.bodyLine, {
      slugOf: (reference) =>
        bySlugKey.get(
          reference
            .toLowerCase()
            .replace(/^\.?\//, '')
            .replace(/\.(?:md|markdown|mdx)$/i, ''),
        ),
      image: imageFor,
    });
    report.conversions.push(...converted.conversions.map(({ line, what }) => `${post.shownAs}:${line}: ${what}`));
    report.attention.push(...converted.leftAlone.map(({ line, what }) => `${post.shownAs}:${line}: ${what}`));
    report.images = copies.size;

    const more = splitMoreMark(converted.body);
    if (more.excerpt !== undefined && front.description === undefined) {
      const plain = markdownToSegments(more.excerpt)
        .map((segment) => segment.text)
        .join('')
        .replace(/\s+/g, ' ')
        .trim();
      if (plain !== '')
        front.description =
          plain.length <= site.excerptLength ? plain : excerptFromMarkdown(more.excerpt, site.excerptLength);
      report.mapped.push('<!-- more --> → description (the text before it)');
    }
    const output = `${frontMatterText(front)}\n${more.body.replace(/^\n+/, '')}`;

    const previous = existsSync(target) ? readFileSync(target, 'utf8') : undefined;
    if (previous !== undefined && previous !== output && !options.force) {
      report.status = 'skipped';
      report.why = `${report.target} exists and differs (use --force to replace it)`;
      continue;
    }
    if (previous === output) report.status = 'unchanged';
    if (options.dryRun) continue;
    mkdirSync(dirname(target), { recursive: true });
    if (previous !== output) writeFileSync(target, output);
    for (const [name, source] of [...copies].sort()) {
      const destination = join(dirname(target), name);
      if (!existsSync(destination) || options.force) copyFileSync(source, destination);
    }
  }
  return { kind: detected.kind, because: detected.because, posts: reports };
}

/** This blog's front matter, fields in a fixed order, tags on one line as this blog's posts write them. */
function frontMatterText(front: MappedFrontMatter): string {
  const document = new Document({}, { version: '1.2' });
  for (const key of [
    'title',
    'date',
    'updated',
    'category',
    'tags',
    'description',
    'draft',
    'slug',
    'series',
    'pinned',
  ] as const) {
    const value = front[key];
    if (value === undefined || (Array.isArray(value) && value.length === 0)) continue;
    document.set(key, document.createNode(value, { flow: Array.isArray(value) }));
  }
  return `---\n${document.toString({ lineWidth: 0, flowCollectionPadding: false })}---\n`;
}

/** The report as text, for the terminal. */
export function formatReport(report: ImportReport, dryRun: boolean): string {
  const count = (status: PostReport['status']) => report.posts.filter((post) => post.status === status).length;
  const lines = [
    `Imported from a ${report.kind} folder (${report.because})${dryRun ? ' — dry run, nothing written' : ''}:`,
    `  ${count('written')} written, ${count('unchanged')} unchanged, ${count('skipped')} skipped, ${report.posts.reduce((n, post) => n + post.images, 0)} images`,
  ];
  for (const post of report.posts) {
    lines.push(
      '',
      `${post.source} → ${post.target}: ${post.status}${post.why ? ` (${post.why})` : ''}${post.images ? `, ${post.images} images` : ''}`,
    );
    for (const note of post.mapped) lines.push(`  mapped: ${note}`);
    if (post.dropped.length > 0) lines.push(`  dropped: ${post.dropped.join(', ')}`);
    for (const note of post.conversions) lines.push(`  converted: ${note}`);
    for (const note of post.attention) lines.push(`  ATTENTION: ${note}`);
  }
  const attention = report.posts.reduce((n, post) => n + post.attention.length, 0);
  lines.push(
    '',
    attention === 0 ? 'Nothing needs your attention.' : `${attention} things need your attention (ATTENTION above).`,
  );
  return lines.join('\n');
}
