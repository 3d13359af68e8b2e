/**
 * Dev server only (injected by src/integrations/dev-live-posts.ts): swaps a saved
 * post's new body into its open page as soon as the posts loader has rendered it,
 * and clears the error overlay of a file once that file is saved without problems.
 *
 * The body comes with Astro's image placeholders (`<img __astro_image_="{src, index}">`),
 * which only Astro's page render resolves: each is replaced by the image the page
 * already shows for that file. If an image is new, nothing is swapped, and the reload
 * Astro sends once its data store is written shows the post.
 *
 * Only the blocks that changed are replaced (an unchanged prefix and suffix of the
 * article's children stay as they are), so the browser lays out a paragraph, not a
 * whole formula-heavy post. The server usually sends only those blocks, as a patch
 * against the version the page shows (its data-post-digest); a page that holds another
 * version asks for the whole body, and compares it block by block with what it has.
 */
import type { BlockPatch } from '../lib/block-patch.ts';
import { HELLO_EVENT, POST_UPDATE_EVENT, RESEND_EVENT } from '../lib/dev-events.ts';

interface PostUpdateMessage {
  kind: 'rendered' | 'clean';
  /** The source file. */
  path: string;
  /** For kind 'rendered': the post's page (decoded path) and the digest of the new body's source. */
  page?: string;
  digest?: string;
  /** The whole new body… */
  html?: string;
  /** …or the blocks that changed, from each version of the body the server kept (by digest). */
  patches?: Record<string, BlockPatch>;
}

const fileName = (path: string) => path.split('/').pop() ?? path;

/** The image the page shows now for a placeholder's file, by its order among that file's images. */
function currentImage(prose: Element, src: string, index: number): Element | undefined {
  const name = fileName(src.split(/[?#]/)[0]!);
  const matches = [...prose.querySelectorAll('img')].filter((img) => {
    const shown = decodeURIComponent(img.getAttribute('src') ?? '');
    return shown.includes(`/${name}?`) || shown.endsWith(`/${name}`);
  });
  return matches[index];
}

/** The new body with its image placeholders replaced, or undefined when one cannot be. */
function withCurrentImages(html: string, prose: Element): DocumentFragment | undefined {
  const template = document.createElement('template');
  template.innerHTML = html;
  for (const placeholder of template.content.querySelectorAll('img[__astro_image_]')) {
    const { src, index } = JSON.parse(placeholder.getAttribute('__astro_image_') ?? '{}') as {
      src?: string;
      index?: number;
    };
    const image = src === undefined ? undefined : currentImage(prose, src, index ?? 0);
    if (!image) return undefined;
    placeholder.replaceWith(image.cloneNode(true));
  }
  return template.content;
}

/**
 * The article's children as the server sent them, copied before the page's scripts add
 * their buttons and links (this module runs first: module scripts run in document order,
 * and Astro puts the injected ones before the components'). Blocks are compared with
 * these, not with the enhanced ones on the page.
 */
let served: Node[] | undefined;

/** Replaces the children of `parent` that differ from `next`'s, keeping the common start and end. */
function patchChildren(parent: Element, next: DocumentFragment): void {
  const live = [...parent.childNodes];
  const after = [...next.childNodes];
  const before = served?.length === live.length ? served : [];
  let start = 0;
  while (start < before.length && start < after.length && before[start]!.isEqualNode(after[start]!)) start += 1;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before[endBefore - 1]!.isEqualNode(after[endAfter - 1]!)) {
    endBefore -= 1;
    endAfter -= 1;
  }
  if (before.length === 0) endBefore = live.length;
  // Only the new blocks need copies: the unchanged ones are equal to those already kept
  // (copying all of the PCA post's nodes was ~10 ms of every save).
  const inserted = after.slice(start, endAfter);
  served =
    before.length === 0
      ? after.map((node) => node.cloneNode(true))
      : [...before.slice(0, start), ...inserted.map((node) => node.cloneNode(true)), ...before.slice(endBefore)];
  const anchor = live[endBefore] ?? null;
  for (const node of live.slice(start, endBefore)) node.remove();
  for (const node of inserted) parent.insertBefore(node, anchor);
}

/**
 * Replaces blocks patch.start…end with the patch's, if the article holds the blocks the patch
 * was made against; returns whether it did. The body's blocks are the article's children.
 */
function applyPatch(parent: Element, patch: BlockPatch): boolean {
  const live = [...parent.childNodes];
  if (live.length !== patch.count) return false;
  const next = withCurrentImages(patch.blocks.join(''), parent);
  if (!next) return false;
  const inserted = [...next.childNodes];
  const anchor = live[patch.end] ?? null;
  for (const node of live.slice(patch.start, patch.end)) node.remove();
  for (const node of inserted) parent.insertBefore(node, anchor);
  served = served?.length === patch.count ? served : undefined;
  served?.splice(patch.start, patch.end - patch.start, ...inserted.map((node) => node.cloneNode(true)));
  return true;
}

if (import.meta.hot) {
  const hot = import.meta.hot;
  const article = document.querySelector<HTMLElement>('.post .prose');
  if (article) served = [...article.childNodes].map((node) => node.cloneNode(true));
  // The version of the body this page shows (its source's digest), which patches are made against.
  let digest = article?.dataset['postDigest'];
  let overlayFile: string | undefined;
  const page = decodeURI(location.pathname);
  // A post saved just before this page loaded may not be in what the server rendered yet.
  hot.send(HELLO_EVENT, { page, digest });
  hot.on('vite:error', (payload: { err: { id?: string } }) => {
    overlayFile = payload.err.id;
  });
  hot.on(POST_UPDATE_EVENT, (update: PostUpdateMessage) => {
    if (overlayFile === update.path) {
      for (const overlay of document.querySelectorAll('vite-error-overlay')) overlay.remove();
      overlayFile = undefined;
    }
    if (update.kind !== 'rendered' || update.page !== page || !article) return;
    if (update.html !== undefined) {
      const body = withCurrentImages(update.html, article);
      if (!body) return;
      patchChildren(article, body);
      digest = update.digest;
      return;
    }
    const patch = digest === undefined ? undefined : update.patches?.[digest];
    if (patch && applyPatch(article, patch)) digest = update.digest;
    // Not made against what this page shows (or a new image is in it): ask for the whole body.
    else hot.send(RESEND_EVENT, { page });
  });
}
