/**
 * Content loader for posts. Replaces Astro's glob() loader because the blog needs
 * what glob() does not do: strict UTF-8, BOM/CRLF normalisation, YAML 1.2 front
 * matter (real calendar dates), one documented rule for which files are posts,
 * duplicate slugs naming both files, and a failed build (not a logged message
 * and an empty post) when Markdown rendering or a formula fails.
 *
 * `.md` posts are rendered here through the configured `markdown.processor`;
 * `.mdx` posts are deferred to @astrojs/mdx, which uses the same processor.
 */
import { readFile } from 'node:fs/promises';
import { relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { parseFrontmatter } from '../lib/frontmatter.ts';
import { codeFences } from '../lib/code-fences.ts';
import { findKatexErrors, lineOf } from '../lib/katex-errors.ts';
import { classifyContentPath, normalizeSlug } from '../lib/slug.ts';
import { decodeSourceBytes } from '../lib/source-text.ts';
import { isKnownCodeLanguage } from './code-languages.ts';
import { ContentError, combineContentErrors } from './content-error.ts';
import { pipelineFingerprint } from './pipeline-fingerprint.ts';
import { listPostFiles, type PostFile } from './post-files.ts';
import { checkSource } from './source-checks.ts';

type RenderedContent = { html: string; metadata?: Record<string, unknown> & { imagePaths?: string[] } };
/** The scoped store has this method at run time; Astro's public type leaves it out. */
type AssetStore = LoaderContext['store'] & { addAssetImports(assets: string[], filePath: string): void };
type Renderer = (body: string, data: Record<string, unknown>, file: string) => Promise<RenderedContent>;

async function createRenderer(config: LoaderContext['config']): Promise<Renderer> {
  const { markdown, image } = config;
  // The same options Astro passes for its own .md entries. Astro's config types are
  // looser than its renderer's under exactOptionalPropertyTypes, hence the cast.
  const shared = {
    image,
    syntaxHighlight: markdown.syntaxHighlight,
    shikiConfig: markdown.shikiConfig,
    gfm: markdown.gfm,
    smartypants: markdown.smartypants,
  } as Parameters<typeof markdown.processor.createRenderer>[0];
  const processor = await markdown.processor.createRenderer(shared);
  return async (body, data, file) => {
    const result = await processor.render(body, { frontmatter: data, fileURL: pathToFileURL(file) });
    const metadata = result.metadata;
    return {
      html: result.code,
      metadata: { ...metadata, imagePaths: [...metadata.localImagePaths, ...metadata.remoteImagePaths] },
    };
  };
}

/**
 * Astro's schema error lists "**field**: message" lines; report each against the
 * line where the field is written (or the front matter's first line).
 */
function schemaErrors(message: string, text: string, display: string): ContentError[] {
  const issues = [...message.matchAll(/\*\*([\w.]+)\*\*: (.+)/g)];
  if (issues.length === 0) return [new ContentError(display, message.replace(/\*\*/g, ''))];
  return issues.map(([, field, detail]) => {
    const key = field!.split('.')[0]!;
    const line = text.split('\n').findIndex((row) => row.startsWith(`${key}:`));
    return new ContentError(display, `front matter: ${detail}`, line < 0 ? 2 : line + 1);
  });
}

/** Throws a ContentError for each formula KaTeX could not render. */
function checkFormulas(html: string, source: string, display: string): ContentError[] {
  return findKatexErrors(html).map(
    ({ tex, message }) => new ContentError(display, `invalid LaTeX in formula "${tex}": ${message}`, lineOf(source, tex)),
  );
}

export function postsLoader(options: { dir: string }): Loader {
  return {
    name: 'posts-loader',
    async load(context) {
      const { config, store, meta, parseData, generateDigest, logger, watcher } = context;
      const root = fileURLToPath(config.root);
      // Cached entries were rendered by an older pipeline: render everything again.
      const fingerprint = pipelineFingerprint(root);
      if (meta.get('pipeline') !== fingerprint) {
        store.clear();
        meta.set('pipeline', fingerprint);
      }
      const dir = resolve(root, options.dir);
      let renderer: Renderer | undefined;
      const idByFile = new Map<string, string>();
      const fileById = new Map<string, string>();

      /** Reads, validates and stores one post; returns the problems found. */
      async function sync(source: PostFile): Promise<Error[]> {
        const decoded = decodeSourceBytes(await readFile(source.path));
        if (!decoded.ok) return [new ContentError(source.display, decoded.message)];
        const text = decoded.text;
        const front = parseFrontmatter(text);
        if (!front.ok) return [new ContentError(source.display, front.message, front.line)];

        const slugSource = typeof front.data['slug'] === 'string' ? front.data['slug'] : source.name;
        const id = normalizeSlug(slugSource);
        if (id === '') {
          return [new ContentError(source.display, `gives an empty slug: "${slugSource}" has no letters or digits; rename the file or set "slug:" in the front matter`)];
        }
        const owner = fileById.get(id);
        if (owner !== undefined && owner !== source.display) {
          return [new ContentError(source.display, `has the slug "${id}", which ${owner} already uses; slugs must be unique`)];
        }
        const previousId = idByFile.get(source.display);
        if (previousId !== undefined && previousId !== id) {
          store.delete(previousId);
          fileById.delete(previousId);
        }
        fileById.set(id, source.display);
        idByFile.set(source.display, id);

        let data: Record<string, unknown>;
        try {
          data = await parseData({ id, data: front.data, filePath: source.path });
        } catch (error) {
          return schemaErrors((error as Error).message, text, source.display);
        }
        const sourceProblems = checkSource(front.body, source.format, source.path, source.display, front.bodyLine);
        if (sourceProblems.length > 0) return sourceProblems;

        for (const fence of codeFences(front.body, front.bodyLine)) {
          if (!isKnownCodeLanguage(fence.lang)) {
            logger.warn(`${source.display}:${fence.line}: unknown code language "${fence.lang}"; the block is shown as plain text`);
          }
        }

        const digest = generateDigest(text);
        const existing = store.get(id);
        if (existing?.digest === digest && existing.filePath === source.display && (existing.rendered || existing.deferredRender)) {
          // Unchanged since the cached build: keep the entry (re-registering its imports,
          // which store.set skips for an equal digest), but check its HTML again.
          if (existing.deferredRender) store.addModuleImport(source.display);
          if (existing.assetImports?.length) (store as AssetStore).addAssetImports(existing.assetImports, source.display);
          return existing.rendered ? checkFormulas(existing.rendered.html, text, source.display) : [];
        }

        if (source.format === 'mdx') {
          store.set({ id, data, body: front.body, filePath: source.display, digest, deferredRender: true });
          return [];
        }
        renderer ??= await createRenderer(config);
        let rendered: RenderedContent;
        try {
          rendered = await renderer(front.body, data, source.path);
        } catch (error) {
          // A plugin's file.fail() carries the line within the body; Astro prefixes its own text.
          const place = (error as { line?: number }).line;
          const message = (error as Error).message.replace(/^Failed to parse Markdown file "[^"]*":\n/, '');
          return [new ContentError(source.display, message, place === undefined ? undefined : place + front.bodyLine - 1)];
        }
        const formulaErrors = checkFormulas(rendered.html, text, source.display);
        if (formulaErrors.length > 0) return formulaErrors;
        store.set({
          id,
          data,
          body: front.body,
          filePath: source.display,
          digest,
          rendered,
          assetImports: rendered.metadata?.imagePaths ?? [],
        });
        return [];
      }

      const sources = listPostFiles(dir, root);
      const stale = new Set(store.keys());
      const errors: Error[] = [];
      for (const source of sources) {
        errors.push(...(await sync(source)));
        const id = idByFile.get(source.display);
        if (id !== undefined) stale.delete(id);
      }
      for (const id of stale) store.delete(id);
      if (errors.length > 0) throw combineContentErrors(errors);
      logger.info(`${sources.length} posts loaded from ${relative(root, dir) || '.'}`);

      if (!watcher) return;
      // Dev server: re-sync a changed post; report problems without stopping the server.
      watcher.add(dir);
      const onChange = async (changed: string) => {
        const name = relative(dir, changed).split(sep).join('/');
        const kind = classifyContentPath(name);
        if (name.startsWith('..') || kind.kind !== 'post') return;
        const display = relative(root, changed).split(sep).join('/');
        const problems = await sync({ path: changed, display, format: kind.format, name: kind.name });
        for (const problem of problems) logger.error(problem.message);
      };
      watcher.on('change', onChange);
      watcher.on('add', onChange);
      watcher.on('unlink', (removed) => {
        const display = relative(root, removed).split(sep).join('/');
        const id = idByFile.get(display);
        if (id === undefined) return;
        store.delete(id);
        idByFile.delete(display);
        fileById.delete(id);
      });
    },
  };
}
