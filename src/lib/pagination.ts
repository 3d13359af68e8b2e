/** One page of a paginated list. */
export interface PageSlice<T> {
  /** 1-based page number. */
  number: number;
  /** Number of the last page (at least 1). */
  last: number;
  items: T[];
}

/** Splits items into pages of `pageSize`. An empty list still has one (empty) page. */
export function paginateItems<T>(items: readonly T[], pageSize: number): PageSlice<T>[] {
  if (!Number.isInteger(pageSize) || pageSize < 1)
    throw new Error(`pageSize must be a positive integer, got ${pageSize}`);
  const last = Math.max(1, Math.ceil(items.length / pageSize));
  return Array.from({ length: last }, (_, index) => ({
    number: index + 1,
    last,
    items: items.slice(index * pageSize, (index + 1) * pageSize),
  }));
}

export type PageLinkItem = { type: 'page'; number: number } | { type: 'gap' };

/**
 * Page numbers to show in a pager: always the first and last page, the current
 * page and `radius` pages either side; runs that are left out become one gap.
 */
export function pageLinkItems(current: number, last: number, radius = 2): PageLinkItem[] {
  const items: PageLinkItem[] = [];
  let previous = 0;
  for (let n = 1; n <= last; n++) {
    const shown = n === 1 || n === last || Math.abs(n - current) <= radius;
    if (!shown) continue;
    if (n - previous === 2) items.push({ type: 'page', number: n - 1 });
    else if (n - previous > 2) items.push({ type: 'gap' });
    items.push({ type: 'page', number: n });
    previous = n;
  }
  return items;
}
