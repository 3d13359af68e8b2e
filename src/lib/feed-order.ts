/** The feed's order: pinned posts first (newest first among them), then the rest, newest first. */
import { sortNewestFirst, type Sortable } from './sort.ts';

export interface Pinnable extends Sortable {
  data: Sortable['data'] & { pinned?: boolean | undefined };
}

export function feedOrder<P extends Pinnable>(posts: readonly P[]): P[] {
  const sorted = sortNewestFirst(posts);
  return [...sorted.filter((post) => post.data.pinned), ...sorted.filter((post) => !post.data.pinned)];
}
