/**
 * The paginated pages of every category or tag: /<kind>/<slug>/, …/page/2/.
 * Both routes (src/pages/categories/…, src/pages/tags/…) build their paths here.
 */
import { paginateItems, type PageSlice } from '../lib/pagination.ts';
import type { Term } from '../lib/taxonomy.ts';
import { pageParam } from '../lib/urls.ts';
import { site } from '../site.config.ts';
import type { Post } from './posts.ts';

export interface TermPageProps {
  term: { name: string; slug: string; count: number };
  page: PageSlice<Post>;
}

export function termPagePaths<K extends string>(terms: Term<Post>[], param: K) {
  return terms.flatMap((term) =>
    paginateItems(term.posts, site.pageSize).map((page) => ({
      params: { [param]: term.slug, page: pageParam(page.number) } as Record<K | 'page', string | undefined>,
      props: { term: { name: term.name, slug: term.slug, count: term.posts.length }, page } satisfies TermPageProps,
    })),
  );
}
