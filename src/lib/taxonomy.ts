/**
 * Categories and tags as lists of posts with stable, readable URL slugs.
 * A term's slug is normalizeSlug(name) ("PyTorch" → "pytorch", "机器学习" stays
 * "机器学习"); names that differ only in case or punctuation share one page,
 * shown under the spelling that sorts first.
 */
import { normalizeSlug } from './slug.ts';
import type { Sortable } from './sort.ts';

export interface Term<P> {
  name: string;
  slug: string;
  /** Posts with this term, in the order they were given (callers pass them sorted). */
  posts: P[];
}

/**
 * Groups posts by the names `namesOf` returns. Terms are sorted by post count
 * (descending), then by slug, so the index pages are deterministic.
 */
export function groupByTerm<P extends Sortable>(
  posts: readonly P[],
  namesOf: (post: P) => readonly string[],
): Term<P>[] {
  const terms = new Map<string, Term<P>>();
  for (const post of posts) {
    const seen = new Set<string>();
    for (const name of namesOf(post)) {
      const slug = normalizeSlug(name);
      if (slug === '' || seen.has(slug)) continue;
      seen.add(slug);
      const term = terms.get(slug);
      if (term) {
        term.posts.push(post);
        if (name < term.name) term.name = name;
      } else {
        terms.set(slug, { name, slug, posts: [post] });
      }
    }
  }
  return [...terms.values()].sort(
    (a, b) => b.posts.length - a.posts.length || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0),
  );
}
