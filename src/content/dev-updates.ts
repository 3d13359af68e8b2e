/**
 * What the posts loader tells the dev server after it renders an edited post again:
 * the post's new body HTML, or the problems that keep it from rendering. The
 * dev-live-posts integration (src/integrations/) passes it on to open pages at once,
 * instead of waiting for Astro's data store to be written (debounced by 500 ms) and
 * every open page to reload; the dev search index (dev-search-index.ts) indexes that
 * post again before the next search.
 *
 * The loader runs inside Vite's module runner and the integration in Node's own
 * module graph, so a module-level variable would exist twice: the listener is kept
 * on globalThis under a registered symbol, which both see.
 */
export type PostUpdate =
  | {
      kind: 'rendered';
      /** The post's slug (its id in the collection). */
      id: string;
      path: string;
      /**
       * The post's body HTML as the page prints it; Astro's image placeholders are left in.
       * Absent for an `.mdx` post left to Astro's MDX compiler (its page is compiled by Vite).
       */
      html: string | undefined;
      /** The digest of the source the body was rendered from (the store entry's `digest`). */
      digest: string;
      /** The body's top-level blocks, which `html` joins; absent if the renderer does not give them. */
      blocks: string[] | undefined;
    }
  | {
      /** A post rendered only to fill the render thread's caches (a page showing it was opened). */
      kind: 'warmed';
      id: string;
      path: string;
      digest: string;
      blocks: string[] | undefined;
    }
  | {
      /** A post file was deleted: its entry is gone from the store. */
      kind: 'removed';
      id: string;
      path: string;
    }
  | {
      /** Saved without a change the loader has to render (e.g. a problem undone): nothing is wrong with it. */
      kind: 'clean';
      path: string;
    }
  | {
      kind: 'problems';
      /** The file (absolute path), and each problem with its line in that file. */
      path: string;
      problems: { message: string; line: number | undefined }[];
    };

type Listener = (update: PostUpdate) => void;

const KEY = Symbol.for('ml-notes-blog.post-updates');
const slot = globalThis as typeof globalThis & { [KEY]?: Map<string, Listener> };

/** Registers a dev server's listener under its name (a server restart replaces it). */
export function onPostUpdate(name: string, listener: Listener): void {
  (slot[KEY] ??= new Map()).set(name, listener);
}

/** Sends an update to the dev server's listeners, if there are any (never during a build). */
export function publishPostUpdate(update: PostUpdate): void {
  for (const listener of slot[KEY]?.values() ?? []) listener(update);
}

const IDS_KEY = Symbol.for('ml-notes-blog.stored-post-ids');
const idsSlot = globalThis as typeof globalThis & { [IDS_KEY]?: () => string[] };

/** The loader's way to say which posts its store holds now (set once its first sync is done). */
export function setStoredPostIds(ids: () => string[]): void {
  idsSlot[IDS_KEY] = ids;
}

/** The slugs of the posts the dev server has, sorted; undefined before the first content sync ends. */
export function storedPostIds(): string[] | undefined {
  return idsSlot[IDS_KEY]?.();
}

const WARM_KEY = Symbol.for('ml-notes-blog.warm-renderer');
const warmSlot = globalThis as typeof globalThis & { [WARM_KEY]?: (id: string | undefined) => void };

/**
 * The loader's way to get a render thread ready. A dev server that started from the
 * cache has rendered nothing, so it has no thread; starting one (~2 s of CPU) while the
 * first page renders would slow that page, so the dev server calls warmRenderer() once
 * it has served a page. Given the slug of the post a page shows, the thread also renders
 * that post once, unstored, so that its formulas and code blocks are in the thread's
 * caches before the author's first save of it (the PCA post: ~1.5 s cold, ~0.2 s warm).
 */
export function setRendererWarmup(warm: (id: string | undefined) => void): void {
  warmSlot[WARM_KEY] = warm;
}

export function warmRenderer(id?: string): void {
  warmSlot[WARM_KEY]?.(id);
}
