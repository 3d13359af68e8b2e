/**
 * Related posts: those sharing the most tags, then posts of the same category;
 * ties go to the post closest in time. Never the post itself.
 *
 * Built once for all posts. Candidates are taken from a window of posts near the
 * post's own position in each tag's and the category's list, so the cost grows
 * linearly with the number of posts (a 10,000-post site never compares every pair).
 */
import { normalizeSlug } from './slug.ts';

export interface Relatable {
  id: string;
  data: { tags: readonly string[]; category: string };
}

const WINDOW = 12;

function addToIndex<P>(index: Map<string, P[]>, key: string, post: P): void {
  const list = index.get(key);
  if (list) list.push(post);
  else index.set(key, [post]);
}

/** Posts around `post` in `list` (at most WINDOW either side). */
function near<P>(list: readonly P[], position: Map<P, number>, post: P): P[] {
  const at = position.get(post) ?? 0;
  return list.slice(Math.max(0, at - WINDOW), at + WINDOW + 1);
}

/** For every post id, up to `limit` related posts. `posts` must be sorted newest first. */
export function relatedPostsIndex<P extends Relatable>(posts: readonly P[], limit = 3): Map<string, P[]> {
  const rank = new Map(posts.map((post, index) => [post, index]));
  const tagsOf = new Map(posts.map((post) => [post, [...new Set(post.data.tags.map(normalizeSlug))].filter(Boolean)]));
  const byTag = new Map<string, P[]>();
  const byCategory = new Map<string, P[]>();
  for (const post of posts) {
    for (const tag of tagsOf.get(post)!) addToIndex(byTag, tag, post);
    addToIndex(byCategory, post.data.category, post);
  }
  const positionIn = new Map<P[], Map<P, number>>();
  const positions = (list: P[]) => {
    let map = positionIn.get(list);
    if (!map) positionIn.set(list, (map = new Map(list.map((post, index) => [post, index]))));
    return map;
  };

  const result = new Map<string, P[]>();
  for (const post of posts) {
    const own = rank.get(post)!;
    const distance = (other: P) => Math.abs(rank.get(other)! - own);
    const shared = new Map<P, number>();
    for (const tag of tagsOf.get(post)!) {
      const list = byTag.get(tag)!;
      for (const other of near(list, positions(list), post)) {
        if (other !== post) shared.set(other, (shared.get(other) ?? 0) + 1);
      }
    }
    const picked = [...shared.entries()]
      .sort((a, b) => b[1] - a[1] || distance(a[0]) - distance(b[0]) || rank.get(a[0])! - rank.get(b[0])!)
      .slice(0, limit)
      .map(([other]) => other);
    const category = byCategory.get(post.data.category)!;
    const sameCategory = near(category, positions(category), post)
      .filter((other) => other !== post && !picked.includes(other))
      .sort((a, b) => distance(a) - distance(b) || rank.get(a)! - rank.get(b)!);
    for (const other of sameCategory) {
      if (picked.length >= limit) break;
      picked.push(other);
    }
    result.set(post.id, picked);
  }
  return result;
}
