/**
 * Content loader for posts. Replaces Astro's glob() loader because the blog needs
 * what glob() does not do: strict UTF-8, BOM/CRLF normalisation, YAML 1.2 front
 * matter (real calendar dates), one documented rule for which files are posts,
 * duplicate slugs naming both files, a failed build (not a logged message and an
 * empty post) when rendering or a formula fails — and speed: the per-post work
 * (checks, excerpt, reading stats, and for .md the HTML) runs in a pool of
 * worker threads, one per core, and unchanged posts are taken from Astro's cache.
 *
 * `.md` posts are rendered by the workers with the same plugin lists Astro's
 * `markdown.processor` uses, and so are `.mdx` posts that need no module system
 * (fast-mdx.ts); other `.mdx` posts are deferred to @astrojs/mdx, which uses that
 * processor. The excerpt and reading stats travel in `rendered.metadata` (for a
 * deferred post next to its module).
 *
 * The HTML of a post rendered here without images is kept out of the data store, in
 * <cacheDir>/post-html/<digest>.html (metadata.htmlFile; see src/content/post-html.ts),
 * written by the worker itself, so it never crosses back to this thread:
 * Astro turns the data store into JavaScript modules that V8 must compile before
 * the first page renders, and at 1,000 posts (40 MB of KaTeX-heavy HTML) that
 * compile alone took 4 s. Posts with images keep their HTML in the store, where
 * Astro resolves the optimised images.
 */
import { existsSync, statSync } from 'node:fs';
import { readFile, readdir, rm } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { parseFrontmatter } from '../lib/frontmatter.ts';
import { classifyContentPath, normalizeSlug } from '../lib/slug.ts';
import { decodeSourceBytes } from '../lib/source-text.ts';
import { build, site } from '../site.config.ts';
import { ContentError, combineContentErrors, schemaErrors } from './content-error.ts';
import { pipelineFingerprint } from './pipeline-fingerprint.ts';
import { postIndexOf, writePostIndex } from './post-index.ts';
import { publishPostUpdate, setRendererWarmup, setStoredPostIds } from './dev-updates.ts';
import { createRenderPool } from './render-pool.ts';
import { readPostMetadata, type PostMetadata } from './post-metadata.ts';
import { listPostFiles, type PostFile } from './post-files.ts';
import type { PostResult, PostTask } from './post-work.ts';

/** The scoped store has this method at run time; Astro's public type leaves it out. */
type AssetStore = LoaderContext['store'] & { addAssetImports(assets: string[], filePath: string): void };

/** A post that passed the cheap checks and waits for its per-post work. */
interface Pending {
  source: PostFile;
  id: string;
  text: string;
  data: Record<string, unknown>;
  task: PostTask;
  digest: string;
}

export function postsLoader(options: { dir: string }): Loader {
  return {
    name: 'posts-loader',
    async load(context) {
      const { config, store, meta, parseData, generateDigest, logger, watcher } = context;
      const assetStore = store as AssetStore;
      const root = fileURLToPath(config.root);
      const dir = resolve(root, options.dir);
      // Cached entries were rendered by an older pipeline: render everything again.
      const fingerprint = pipelineFingerprint(root);
      if (meta.get('pipeline') !== fingerprint) {
        store.clear();
        meta.set('pipeline', fingerprint);
      }
      const htmlDir = fileURLToPath(new URL('post-html/', config.cacheDir));
      const idByFile = new Map<string, string>();
      const fileById = new Map<string, string>();
      const sourceByDisplay = new Map<string, PostFile>();

      /**
       * The cheap, ordered part of a post: decode, front matter, slug, schema.
       * Returns problems, a cached entry's problems (it is kept as it is), or the work to do.
       */
      async function prepare(source: PostFile, options: { evenIfCached?: boolean } = {}): Promise<Error[] | Pending> {
        sourceByDisplay.set(source.display, source);
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

        const digest = generateDigest(text);
        const existing = store.get(id);
        const cached = existing?.digest === digest && existing.filePath === source.display ? existing : undefined;
        if (cached && !options.evenIfCached && htmlPresent(cached)) {
          // Unchanged since the cached build: keep the entry (re-registering its imports,
          // which store.set skips for an equal digest). It passed every check when it was
          // stored (a post with a problem never is, and the pipeline fingerprint drops
          // entries of an older pipeline); print its warnings again.
          if (cached.deferredRender) store.addModuleImport(source.display);
          if (cached.assetImports?.length) assetStore.addAssetImports(cached.assetImports, source.display);
          for (const warning of readPostMetadata(cached).warnings) logger.warn(warning);
          return [];
        }
        const description = typeof data['description'] === 'string' ? data['description'] : undefined;
        const task: PostTask = {
          path: source.path,
          display: source.display,
          format: source.format,
          text,
          body: front.body,
          bodyLine: front.bodyLine,
          data,
          description,
          excerptLength: site.excerptLength,
          htmlFile: join(htmlDir, `${digest}.html`),
        };
        return { source, id, text, data, task, digest };
      }

      const htmlFiles = new Set<string>();
      /** Whether a cached entry has the loader's metadata and its HTML is still where the store says. */
      const htmlPresent = (entry: Parameters<typeof readPostMetadata>[0]) => {
        if (typeof entry.rendered?.metadata?.['excerpt'] !== 'string') return false;
        const file = readPostMetadata(entry).htmlFile;
        if (file === undefined) return true;
        htmlFiles.add(file);
        return existsSync(file);
      };

      /** Stores a post from its work's result; returns its problems. */
      async function store_(pending: Pending, result: PostResult): Promise<Error[]> {
        for (const warning of result.warnings) logger.warn(warning);
        if (result.problems.length > 0) return result.problems.map((p) => new ContentError(pending.source.display, p.message, p.line));
        const { id, data, digest, source } = pending;
        // No `body`: nothing reads the source from the store, and at 1,000 posts it was 4 of the
        // store's 5 million characters, which Astro writes and reloads after every change in dev.
        const entry = { id, data, filePath: source.display, digest };
        const rendered = result.rendered;
        const ours: PostMetadata = {
          excerpt: result.excerpt,
          stats: result.stats,
          warnings: result.warnings,
          headings: rendered?.metadata.headings ?? [],
          imagePaths: rendered?.metadata.imagePaths ?? [],
          ...(rendered?.htmlFile ? { htmlFile: rendered.htmlFile } : {}),
        };
        if (!rendered) {
          store.set({ ...entry, deferredRender: true, rendered: { html: '', metadata: { ...ours } } });
        } else {
          if (rendered.htmlFile) htmlFiles.add(rendered.htmlFile);
          const metadata = { ...rendered.metadata, ...ours };
          store.set({ ...entry, rendered: { html: rendered.html, metadata }, assetImports: ours.imagePaths });
        }
        return [];
      }

      const sources = listPostFiles(dir, root);
      const errors: Error[] = [];
      const onRetry = (task: PostTask) =>
        logger.warn(`${task.display}: too large for a render worker's ${build.workerHeapMb} MB heap; rendered again without the limit`);
      // Each post goes to the pool as soon as its cheap part is done, so workers start at once.
      const pool = createRenderPool(config, sources.length, onRetry, { keepWarm: false });
      const work: Promise<void>[] = [];
      let rendered = 0;
      let mdxForAstro = 0;
      try {
        for (const source of sources) {
          const prepared = await prepare(source);
          if (Array.isArray(prepared)) {
            errors.push(...prepared);
            continue;
          }
          rendered += 1;
          work.push(
            pool.run(prepared.task).then(async (result) => {
              if (prepared.source.format === 'mdx' && !result.rendered && result.problems.length === 0) mdxForAstro += 1;
              errors.push(...(await store_(prepared, result)));
            }),
          );
        }
        await Promise.all(work);
      } finally {
        await pool.destroy();
      }

      const live = new Set(idByFile.values());
      for (const id of store.keys()) if (!live.has(id)) store.delete(id);
      // HTML files of posts that were edited or removed since they were written.
      if (existsSync(htmlDir)) {
        for (const name of await readdir(htmlDir)) if (!htmlFiles.has(join(htmlDir, name))) await rm(join(htmlDir, name), { force: true });
      }
      if (errors.length > 0) throw combineContentErrors(errors);
      await writePostIndex(root, postIndexOf(store));
      const compiled = mdxForAstro > 0 ? `; ${mdxForAstro} .mdx left to Astro's MDX compiler` : '';
      logger.info(`${sources.length} posts loaded from ${relative(root, dir) || '.'} (${rendered} rendered, ${sources.length - rendered} from cache or refused${compiled})`);

      if (!watcher) return;
      // The dev server's edits go to one thread it keeps (started when warmRenderer is first
      // called): every save of a post then finds that post's formulas and code blocks in the
      // thread's caches, which two threads taking turns would each have to fill.
      const editPool = createRenderPool(config, 1, onRetry, { keepWarm: true });
      // A post page the author opened is rendered once, unstored, to fill the thread's caches.
      const warmedIds = new Set<string>();
      setRendererWarmup((id) => {
        const source = id === undefined ? undefined : sourceByDisplay.get(fileById.get(id) ?? '');
        if (id === undefined || source === undefined || warmedIds.has(id)) return editPool.warm();
        warmedIds.add(id);
        void prepare(source, { evenIfCached: true })
          .then(async (prepared) => {
            if (Array.isArray(prepared)) return;
            const result = await editPool.run({ ...prepared.task, discard: true, blocks: true });
            const { digest, id: postId } = prepared;
            publishPostUpdate({ kind: 'warmed', id: postId, path: source.path, digest, blocks: result.blocks });
          })
          .catch(() => undefined);
      });
      setStoredPostIds(() => [...store.keys()].sort());
      // Dev server: render a changed post again (that post only); report problems without
      // stopping the server, in the terminal and, through publishPostUpdate, on open pages.
      watcher.add(dir);
      const report = (path: string, problems: Error[]) => {
        for (const problem of problems) logger.error(problem.message);
        publishPostUpdate({
          kind: 'problems',
          path,
          problems: problems.map((problem) =>
            problem instanceof ContentError
              ? { message: problem.detail, line: problem.line }
              : { message: problem.message, line: undefined },
          ),
        });
      };
      const render = async (changed: string, display: string, kind: { format: 'md' | 'mdx'; name: string }) => {
        const started = performance.now();
        try {
          const prepared = await prepare({ path: changed, display, format: kind.format, name: kind.name });
          if (Array.isArray(prepared)) {
            // No problems and nothing to render: the file is back to what the store holds.
            if (prepared.length > 0) report(changed, prepared);
            else publishPostUpdate({ kind: 'clean', path: changed });
            return;
          }
          const prepared_ = performance.now();
          const result = await editPool.run({ ...prepared.task, blocks: true });
          const problems = await store_(prepared, result);
          if (problems.length > 0) return report(changed, problems);
          const ms = (from: number, to: number) => Math.round(to - from);
          logger.info(`${display}: rendered again (1 post; read ${ms(started, prepared_)} ms, rendered ${ms(prepared_, performance.now())} ms)`);
          // The blocks join into the HTML the worker wrote; the file is read only without them.
          const html =
            result.blocks?.join('') ??
            (result.rendered?.htmlFile ? await readFile(result.rendered.htmlFile, 'utf8') : result.rendered?.html);
          publishPostUpdate({
            kind: 'rendered',
            id: prepared.id,
            path: changed,
            html,
            digest: prepared.digest,
            blocks: result.blocks,
          });
        } catch (error) {
          report(changed, [error instanceof Error ? error : new Error(String(error))]);
        }
      };
      // One render per file at a time; saves that arrive meanwhile are served by one more
      // render, which reads the file as it is then (an older render never finishes last).
      const rendering = new Map<string, { again: boolean }>();
      const onChange = async (changed: string) => {
        const name = relative(dir, changed).split(sep).join('/');
        const kind = classifyContentPath(name);
        if (name.startsWith('..') || kind.kind !== 'post') return;
        if (!existsSync(changed)) return;
        // An editor that truncates before writing shows an empty file first: give it a moment
        // (one event may stand for both steps, so the file is looked at again, not skipped).
        for (let tries = 0; tries < 10 && existsSync(changed) && statSync(changed).size === 0; tries++) {
          await new Promise((done) => setTimeout(done, 30));
        }
        const running = rendering.get(changed);
        if (running) {
          running.again = true;
          return;
        }
        const state = { again: true };
        rendering.set(changed, state);
        const display = relative(root, changed).split(sep).join('/');
        while (state.again) {
          state.again = false;
          await render(changed, display, kind);
        }
        rendering.delete(changed);
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
        sourceByDisplay.delete(display);
        logger.info(`${display}: removed`);
        publishPostUpdate({ kind: 'removed', id, path: removed });
      });
    },
  };
}
