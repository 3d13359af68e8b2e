/**
 * What the dev server sends an open post page after a save: the blocks (the body's
 * top-level HTML nodes) that differ between the version the page shows and the new
 * one, between their longest common start and end. A page applies it only if it holds
 * `count` blocks, the number the patch was made against.
 */
export interface BlockPatch {
  /** The first block that changed. */
  start: number;
  /** The end (exclusive) of the changed blocks in the old version. */
  end: number;
  /** How many blocks the old version has. */
  count: number;
  /** What replaces blocks start…end. */
  blocks: string[];
}

export function blockPatch(base: readonly string[], next: readonly string[]): BlockPatch {
  let start = 0;
  while (start < base.length && start < next.length && base[start] === next[start]) start += 1;
  let end = base.length;
  let nextEnd = next.length;
  while (end > start && nextEnd > start && base[end - 1] === next[nextEnd - 1]) {
    end -= 1;
    nextEnd -= 1;
  }
  return { start, end, count: base.length, blocks: next.slice(start, nextEnd) };
}
